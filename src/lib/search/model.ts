/**
 * What the search index knows about one published entry page, and the files it is made of.
 * The builder (src/lib/search/build.ts) writes them, the reader (src/lib/search/engine.ts)
 * reads them; both sides agree on this file only.
 */

/**
 * How a piece of shown text is shown: the title, the line under it (column, date, unit) and
 * the labels of facts, a labelled fact (the text after 期数, 承办单位 …), the tags, a heading
 * in the text, or prose (lead, paragraphs, list items, outline, transcript, captions).
 * Every kind is searched; snippets come from prose and labelled facts only.
 */
export type SegmentKind = 'title' | 'meta' | 'fact' | 'tags' | 'heading' | 'prose';

export interface SearchSegment {
  kind: SegmentKind;
  /** The label of a fact (`承办单位`), shown before its text in a snippet. */
  label?: string;
  /** One block of text as shown (one paragraph, list item, fact, caption line). */
  text: string;
}

export interface SearchDoc {
  /** Site-relative URL of the page (`highlights/lin-xiaowen/`); the reader adds the base. */
  url: string;
  title: string;
  /** `YYYY-MM-DD`: newer pages rank first among equals. */
  date: string;
  /** What the result line shows: column, date (as written on the page), unit. */
  column: string;
  day: string;
  unit: string;
  /** Shown when no prose matches (the match was in the title, facts or tags). */
  summary: string;
  /** Filter name → the values this page has (a unit filter lists the unit and its parents). */
  filters: Record<string, string[]>;
  /** The shown text in page order, title first. */
  segments: SearchSegment[];
}

/** A result as the reader downloads it (one small file per page). */
export interface SearchRecord {
  url: string;
  title: string;
  column: string;
  day: string;
  unit: string;
  summary: string;
  /** Snippet sources: [kind, label, text] of prose and facts, in page order. */
  text: [SegmentKind, string, string][];
}

export interface SearchManifest {
  /** Format version of the files. */
  format: number;
  /** Changes whenever any index file changes: appended to every file URL. */
  id: string;
  docs: number;
  shards: number;
  /** Filter name → [value, page count][] (file `f/<filter index>-<value index>.bin`). */
  filters: [string, [string, number][]][];
}

export const INDEX_FORMAT = 1;

/**
 * Where the title sits in a page's text (positions below this are in the title): the text
 * after it starts here. Titles are at most 80 characters (src/schemas), far below.
 */
export const TITLE_SPAN = 256;

export const indexFiles = {
  manifest: 'meta.json',
  shard: (n: number) => `s/${n}.bin`,
  term: (n: number) => `x/${n}.bin`,
  record: (doc: number) => `r/${doc}.bin`,
  filter: (facet: number, value: number) => `f/${facet}-${value}.bin`,
  /** Every file but the manifest is stored as raw DEFLATE. */
  compressed: (path: string) => path !== 'meta.json',
};
