/**
 * Binary layout of the search index, shared by the builder (Node) and the reader (browser).
 *
 * Numbers are unsigned LEB128 varints. A posting list is, for each page holding the term
 * (page numbers ascending): page number minus the previous one and where the term first
 * occurs; then, for characters and bigrams, how often it occurs; for trigrams, the distance
 * from each occurrence to the next, ended by a 0.
 * A shard holds the posting lists of the terms whose hash falls into it; a term whose list is
 * large is stored in a file of its own and the shard names that file.
 */

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;
  constructor(size = 64) {
    this.buf = new Uint8Array(size);
  }
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  /** An unsigned integer below 2^32. */
  uint(n: number): void {
    if (this.length + 5 > this.buf.length) this.room(5);
    const buf = this.buf;
    while (n > 0x7f) {
      buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[this.length++] = n;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
  }
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  uint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('search index: truncated number');
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }
  bytes(n: number): Uint8Array {
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** FNV-1a over UTF-16 code units: which shard holds a term. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A decoded posting list: for the i-th page holding the term, `docs[i]`, `counts[i]` and
 * `firsts[i]`; a trigram's positions are decoded only when asked for (`positions(i)`), since a
 * query needs them only on the pages that hold every trigram of its piece.
 */
export class PostingList {
  readonly docs: number[] = [];
  readonly counts: number[] = [];
  readonly firsts: number[] = [];
  /** Trigram lists: where each page's position gaps start in `bytes`. */
  private readonly gaps: number[] = [];
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array, withPositions: boolean) {
    this.bytes = bytes;
    const r = new ByteReader(bytes);
    let doc = 0;
    while (!r.done) {
      doc += r.uint();
      this.docs.push(doc);
      this.firsts.push(r.uint());
      if (withPositions) {
        this.gaps.push(r.pos);
        let count = 1;
        // Skip the gaps: count the numbers up to the closing 0 (a byte 0 that ends no longer number).
        for (let b = bytes[r.pos++]; b !== 0; b = bytes[r.pos++]) {
          if (b === undefined) throw new Error('search index: truncated posting list');
          if (b < 0x80) count++;
        }
        this.counts.push(count);
      } else this.counts.push(r.uint());
    }
  }

  /** All positions of the term in its i-th page (trigram lists only). */
  positions(i: number): number[] {
    const r = new ByteReader(this.bytes);
    r.pos = this.gaps[i]!;
    let p = this.firsts[i]!;
    const out = [p];
    for (let d = r.uint(); d > 0; d = r.uint()) out.push((p += d));
    return out;
  }
}

/** Where a term's posting list lives: inside the shard, or in a file of its own. */
export type TermSlot = { bytes: Uint8Array } | { file: number };

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export function writeShard(terms: [string, TermSlot][]): Uint8Array {
  const w = new ByteWriter(1024);
  w.uint(terms.length);
  for (const [term, slot] of terms) {
    const key = utf8.encode(term);
    w.uint(key.length);
    w.bytes(key);
    if ('file' in slot) {
      w.uint(1);
      w.uint(slot.file);
    } else {
      w.uint(0);
      w.uint(slot.bytes.length);
      w.bytes(slot.bytes);
    }
  }
  return w.result();
}

export function readShard(bytes: Uint8Array): Map<string, TermSlot> {
  const r = new ByteReader(bytes);
  const out = new Map<string, TermSlot>();
  const n = r.uint();
  for (let i = 0; i < n; i++) {
    const term = utf8Decoder.decode(r.bytes(r.uint()));
    if (r.uint() === 1) out.set(term, { file: r.uint() });
    else out.set(term, { bytes: r.bytes(r.uint()) });
  }
  return out;
}

/** Ascending page numbers as deltas (filter lists). */
export function writeDocList(docs: number[]): Uint8Array {
  const w = new ByteWriter(docs.length + 8);
  let last = 0;
  for (const d of docs) {
    w.uint(d - last);
    last = d;
  }
  return w.result();
}

export function readDocList(bytes: Uint8Array): number[] {
  const r = new ByteReader(bytes);
  const out: number[] = [];
  let d = 0;
  while (!r.done) out.push((d += r.uint()));
  return out;
}
