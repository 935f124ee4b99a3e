/**
 * Builds the Chinese search index from the shown text of the published entry pages.
 *
 * Every word character and every pair of adjacent ones (a bigram) is indexed with, per page,
 * how often it occurs and where first; every run of three (a trigram) with all its positions.
 * A query piece of one or two characters is one term; a longer one is a chain of trigrams that
 * must sit at the right distances, so a page matches exactly when its text holds the piece (no
 * dictionary, no guessing where words end). Pages are numbered newest first.
 */
import { ByteWriter, termHash, writeDocList, writeShard, type TermSlot } from './codec.ts';
import { INDEX_FORMAT, TITLE_SPAN, indexFiles, type SearchDoc, type SearchManifest, type SearchRecord } from './model.ts';
import { foldCodePoint, isWordCodePoint } from './text.ts';

/** Aim for shards of about this many bytes before compression. */
const SHARD_TARGET = 16 * 1024;
/** A posting list larger than this gets a file of its own (so other queries never load it). */
const OWN_FILE = 8 * 1024;

/**
 * One n-gram's posting list, as the numbers to encode, gathered as pages are read (pages come
 * in order). `doc` is the page being gathered (-1 before the first); `count` counts a bigram's
 * occurrences in it, `last` is a trigram's last position in it.
 */
class Gram {
  v: number[] = [];
  doc = -1;
  count = 0;
  last = 0;
  /** Trigrams that start with this bigram, by the id of their third character. */
  next: Map<number, Gram> | undefined;
}

/** Characters get small ids so that a bigram key stays a small integer (fast maps). */
const ID_BITS = 15;

export interface BuiltIndex {
  manifest: SearchManifest;
  /** Path under the index folder → bytes, uncompressed. */
  files: Map<string, Uint8Array>;
  stats: { docs: number; terms: number; shards: number; ownFiles: number; positions: number };
}

/** Newest first, then by URL: page numbers, and the order among equals. */
export function docOrder(a: SearchDoc, b: SearchDoc): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * The index files, uncompressed: the caller stores every file except the manifest as raw
 * DEFLATE (`indexFiles.compressed`), which the reader inflates.
 */
export function buildSearchIndex(input: SearchDoc[]): BuiltIndex {
  const docs = [...input].sort(docOrder);
  const files = new Map<string, Uint8Array>();
  const utf8 = new TextEncoder();
  /** Small ids for characters (by folded code point), so bigram keys stay small integers. */
  const bmpIds = new Int32Array(0x10000).fill(-1);
  const astralIds = new Map<number, number>();
  let nextId = 0;
  /** Bigrams of two characters with small ids, by (id1 << 15 | id2); the rest by their text. */
  const bigrams = new Map<number, Gram>();
  const rareBigrams = new Map<string, Gram>();
  const rareTrigrams = new Map<string, Gram>();
  const all: [string, Gram, 1 | 2 | 3][] = [];
  /** Single characters, by id (a one-character query piece). */
  const unigrams: Gram[] = [];
  let positions = 0;

  const idOf = (cp: number) => {
    if (cp < 0x10000) {
      const id = bmpIds[cp]!;
      return id >= 0 ? id : (bmpIds[cp] = nextId++);
    }
    let id = astralIds.get(cp);
    if (id === undefined) astralIds.set(cp, (id = nextId++));
    return id;
  };
  const startDoc = (g: Gram, id: number, at: number) => {
    g.v.push(id - Math.max(g.doc, 0), at);
    g.doc = id;
  };
  const bigram = (g: Gram, id: number, at: number) => {
    if (g.doc === id) g.count++;
    else {
      if (g.doc >= 0) g.v.push(g.count);
      startDoc(g, id, at);
      g.count = 1;
    }
  };
  const trigram = (g: Gram, id: number, at: number) => {
    if (g.doc === id) g.v.push(at - g.last);
    else {
      if (g.doc >= 0) g.v.push(0);
      startDoc(g, id, at);
    }
    g.last = at;
    positions++;
  };
  /** The gram under `key`, created on first sight (its text from the code points a, b[, c]). */
  const gram = <K>(map: Map<K, Gram>, key: K, a: number, b: number, c = -1): Gram => {
    let g = map.get(key);
    if (!g) {
      map.set(key, (g = new Gram()));
      all.push(c < 0 ? [String.fromCodePoint(a, b), g, 2] : [String.fromCodePoint(a, b, c), g, 3]);
    }
    return g;
  };
  const SMALL = 1 << ID_BITS;

  docs.forEach((doc, id) => {
    let cursor = 0;
    for (const seg of doc.segments) {
      if (seg.kind !== 'title' && cursor < TITLE_SPAN) cursor = TITLE_SPAN;
      const text = seg.text;
      // The last two characters of the current run of word characters: code point, id, position.
      let cp1 = -1;
      let cp2 = -1;
      let id1 = 0;
      let id2 = 0;
      let at1 = 0;
      let at2 = 0;
      let b2: Gram | undefined;
      for (let i = 0; i < text.length; ) {
        let cp = text.codePointAt(i)!;
        const at = cursor + i;
        i += cp > 0xffff ? 2 : 1;
        cp = foldCodePoint(cp);
        if (!isWordCodePoint(cp)) {
          cp1 = cp2 = -1;
          b2 = undefined;
          continue;
        }
        const cid = idOf(cp);
        let u = unigrams[cid];
        if (!u) {
          unigrams[cid] = u = new Gram();
          all.push([String.fromCodePoint(cp), u, 1]);
        }
        bigram(u, id, at);
        let b: Gram | undefined;
        if (cp2 >= 0) {
          b =
            id2 < SMALL && cid < SMALL
              ? gram(bigrams, (id2 << ID_BITS) | cid, cp2, cp)
              : gram(rareBigrams, String.fromCodePoint(cp2, cp), cp2, cp);
          bigram(b, id, at2);
          if (cp1 >= 0) {
            const t =
              b2 && id1 < SMALL && id2 < SMALL
                ? gram((b2.next ??= new Map()), cid, cp1, cp2, cp)
                : gram(rareTrigrams, String.fromCodePoint(cp1, cp2, cp), cp1, cp2, cp);
            trigram(t, id, at1);
          }
        }
        cp1 = cp2;
        id1 = id2;
        at1 = at2;
        cp2 = cp;
        id2 = cid;
        at2 = at;
        b2 = b;
      }
      cursor += text.length + 1;
    }
    const record: SearchRecord = {
      url: doc.url,
      title: doc.title,
      column: doc.column,
      day: doc.day,
      unit: doc.unit,
      summary: doc.summary,
      text: doc.segments.filter((s) => s.kind === 'prose' || s.kind === 'fact').map((s) => [s.kind, s.label ?? '', s.text]),
    };
    files.set(indexFiles.record(id), utf8.encode(JSON.stringify(record)));
  });

  // Close each list's last page and encode it, then shard by hash; large lists get files of their own.
  const lists: [string, Uint8Array][] = [];
  const enc = new ByteWriter(1 << 20);
  let total = 0;
  for (const [text, g, n] of all) {
    g.v.push(n === 3 ? 0 : g.count);
    enc.length = 0;
    for (const x of g.v) enc.uint(x);
    g.v = [];
    const bytes = enc.result();
    lists.push([text, bytes]);
    if (bytes.length <= OWN_FILE) total += bytes.length;
  }
  let shardCount = 1;
  while (total / shardCount > SHARD_TARGET) shardCount *= 2;
  const shards: [string, TermSlot][][] = Array.from({ length: shardCount }, () => []);
  let ownFiles = 0;
  lists.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [term, bytes] of lists) {
    const shard = shards[termHash(term) % shardCount]!;
    if (bytes.length > OWN_FILE) {
      files.set(indexFiles.term(ownFiles), bytes);
      shard.push([term, { file: ownFiles++ }]);
    } else shard.push([term, { bytes }]);
  }
  shards.forEach((terms, n) => files.set(indexFiles.shard(n), writeShard(terms)));

  // Filters: value → its pages.
  const facets = new Map<string, Map<string, number[]>>();
  docs.forEach((doc, id) => {
    for (const [name, values] of Object.entries(doc.filters)) {
      let facet = facets.get(name);
      if (!facet) facets.set(name, (facet = new Map()));
      for (const v of new Set(values)) {
        const list = facet.get(v);
        if (list) list.push(id);
        else facet.set(v, [id]);
      }
    }
  });
  const filters: SearchManifest['filters'] = [...facets].map(([name, values], f) => [
    name,
    [...values].map(([value, ids], v) => {
      files.set(indexFiles.filter(f, v), writeDocList(ids));
      return [value, ids.length] as [string, number];
    }),
  ]);

  const manifest: SearchManifest = { format: INDEX_FORMAT, id: contentId(files), docs: docs.length, shards: shardCount, filters };
  files.set(indexFiles.manifest, utf8.encode(JSON.stringify(manifest)));
  return { manifest, files, stats: { docs: docs.length, terms: lists.length, shards: shardCount, ownFiles, positions } };
}

/** A short hash of every file (names and bytes), so a rebuilt index gets new URLs. */
function contentId(files: Map<string, Uint8Array>): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  const mix = (byte: number) => {
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
  };
  for (const [name, bytes] of [...files].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    for (let i = 0; i < name.length; i++) mix(name.charCodeAt(i) & 0xff);
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]!);
  }
  return ((a >>> 0).toString(36) + (b >>> 0).toString(36)).slice(0, 12);
}
