/**
 * Answers a query from the index files (src/lib/search/build.ts), loading only the shards
 * its terms live in. Runs in the browser (the search page) and in Node (tests, benchmark):
 * the caller supplies how a file is loaded and inflated.
 *
 * A result is exactly a page whose shown text holds every query piece: a piece of one or two
 * characters is one term; a longer piece is a chain of trigrams that must sit at the piece's
 * own distances in the page (positions are exact, so there are no false matches).
 * Ranking: pieces found in the title first, then more occurrences, then an earlier first
 * occurrence, then the newer page.
 */
import { PostingList, readDocList, readShard, termHash, type TermSlot } from './codec.ts';
import { INDEX_FORMAT, TITLE_SPAN, indexFiles, type SearchManifest, type SearchRecord } from './model.ts';
import { parseQuery } from './text.ts';

export interface IndexSource {
  /** The manifest (`meta.json`), parsed. */
  manifest(): Promise<SearchManifest>;
  /** The inflated bytes of an index file (path from `indexFiles`); rejects when it cannot be read. */
  file(path: string): Promise<Uint8Array>;
}

export interface SearchHit {
  doc: number;
  /** How many query pieces occur in the title. */
  inTitle: number;
  /** Occurrences of all pieces together. */
  count: number;
  /** Where the last of the pieces first occurs (the earlier, the better). */
  first: number;
}

export interface SearchResult {
  /** The folded pieces searched for (all must occur). */
  pieces: string[];
  hits: SearchHit[];
}

interface PieceMatch {
  count: number;
  first: number;
}

/** Trigram offsets (in characters) that together cover every character of an n-character piece. */
export function trigramCover(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; ; i += 3) {
    if (i + 3 >= n) {
      out.push(n - 3);
      return [...new Set(out)];
    }
    out.push(i);
  }
}

export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.inTitle - a.inTitle || b.count - a.count || a.first - b.first || a.doc - b.doc;
}

export class SearchEngine {
  private manifestP: Promise<SearchManifest> | undefined;
  private files = new Map<string, Promise<Uint8Array>>();
  private shards = new Map<number, Promise<Map<string, TermSlot>>>();
  private postings = new Map<string, Promise<PostingList | undefined>>();

  private readonly source: IndexSource;
  constructor(source: IndexSource) {
    this.source = source;
  }

  manifest(): Promise<SearchManifest> {
    this.manifestP ??= this.source.manifest().then((m) => {
      if (m.format !== INDEX_FORMAT) throw new Error(`search index format ${m.format}, expected ${INDEX_FORMAT}`);
      return m;
    });
    return this.manifestP;
  }

  private file(path: string): Promise<Uint8Array> {
    let p = this.files.get(path);
    if (!p) {
      p = this.source.file(path);
      this.files.set(path, p);
      p.catch(() => this.files.delete(path));
    }
    return p;
  }

  private async shard(n: number): Promise<Map<string, TermSlot>> {
    let p = this.shards.get(n);
    if (!p) {
      p = this.file(indexFiles.shard(n)).then(readShard);
      this.shards.set(n, p);
      p.catch(() => this.shards.delete(n));
    }
    return p;
  }

  /** The posting list of a bigram or trigram, or undefined when no page holds it. */
  private terms(term: string): Promise<PostingList | undefined> {
    let p = this.postings.get(term);
    if (!p) {
      p = (async () => {
        const m = await this.manifest();
        const slot = (await this.shard(termHash(term) % m.shards)).get(term);
        if (!slot) return undefined;
        const bytes = 'file' in slot ? await this.file(indexFiles.term(slot.file)) : slot.bytes;
        return new PostingList(bytes, [...term].length === 3);
      })();
      this.postings.set(term, p);
      p.catch(() => this.postings.delete(term));
    }
    return p;
  }

  /** Pages holding one piece, with how often and where first. */
  private async piece(piece: string): Promise<Map<number, PieceMatch>> {
    const chars = [...piece];
    const out = new Map<number, PieceMatch>();
    if (chars.length <= 3) {
      const list = await this.terms(piece);
      if (list) list.docs.forEach((doc, i) => out.set(doc, { count: list.counts[i]!, first: list.firsts[i]! }));
      return out;
    }
    // Offsets in UTF-16 units of each character, as positions are counted.
    const offsets: number[] = [];
    let o = 0;
    for (const c of chars) {
      offsets.push(o);
      o += c.length;
    }
    const cover = trigramCover(chars.length);
    const lists = await Promise.all(cover.map((i) => this.terms(chars.slice(i, i + 3).join(''))));
    if (lists.some((l) => !l)) return out;
    // Pages holding every trigram of the cover (lists are in page order), then their positions.
    const [head, ...others] = lists as [PostingList, ...PostingList[]];
    const at = others.map(() => 0);
    for (let i = 0; i < head.docs.length; i++) {
      const doc = head.docs[i]!;
      const everywhere = others.every((l, k) => {
        while (at[k]! < l.docs.length && l.docs[at[k]!]! < doc) at[k]!++;
        return l.docs[at[k]!] === doc;
      });
      if (!everywhere) continue;
      const rest = others.map((l, k) => new Set(l.positions(at[k]!)));
      let count = 0;
      let first = -1;
      for (const p of head.positions(i)) {
        const start = p - offsets[cover[0]!]!;
        if (rest.every((set, k) => set.has(start + offsets[cover[k + 1]!]!))) {
          count++;
          if (first < 0) first = start;
        }
      }
      if (count > 0) out.set(doc, { count, first });
    }
    return out;
  }

  /** Pages with the filter value (filter names and values as in the manifest). */
  private async filtered(filters: Record<string, string>): Promise<Set<number> | undefined> {
    const m = await this.manifest();
    let result: Set<number> | undefined;
    for (const [name, value] of Object.entries(filters)) {
      if (!value) continue;
      const f = m.filters.findIndex(([n]) => n === name);
      const v = f < 0 ? -1 : m.filters[f]![1].findIndex(([x]) => x === value);
      const docs = v < 0 ? [] : readDocList(await this.file(indexFiles.filter(f, v)));
      result = result ? new Set(docs.filter((d) => result!.has(d))) : new Set(docs);
    }
    return result;
  }

  /**
   * All pages matching the query (every piece) and the filters, best first. An empty query
   * with filters lists the filtered pages, newest first.
   */
  async search(query: string, filters: Record<string, string> = {}): Promise<SearchResult> {
    const pieces = parseQuery(query);
    const [allowed, matches] = await Promise.all([this.filtered(filters), Promise.all(pieces.map((p) => this.piece(p)))]);
    const hits: SearchHit[] = [];
    if (pieces.length === 0) {
      if (allowed) for (const doc of [...allowed].sort((a, b) => a - b)) hits.push({ doc, inTitle: 0, count: 0, first: 0 });
      return { pieces, hits };
    }
    const [smallest] = [...matches].sort((a, b) => a.size - b.size);
    for (const doc of smallest!.keys()) {
      if (allowed && !allowed.has(doc)) continue;
      const found = matches.map((m) => m.get(doc));
      if (found.some((f) => !f)) continue;
      hits.push({
        doc,
        inTitle: found.filter((f) => f!.first < TITLE_SPAN).length,
        count: found.reduce((n, f) => n + f!.count, 0),
        first: Math.max(...found.map((f) => f!.first)),
      });
    }
    hits.sort(compareHits);
    return { pieces, hits };
  }

  /** What a result shows (title, column, unit, date, snippet sources). */
  async record(doc: number): Promise<SearchRecord> {
    return JSON.parse(new TextDecoder().decode(await this.file(indexFiles.record(doc)))) as SearchRecord;
  }
}
