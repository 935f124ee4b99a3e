/**
 * Summaries: the author's `summary`, else the start of the body's text. The body text comes
 * from the sanitised tree (src/markdown/body-tree.ts), so a comment of either kind
 * (`<!-- 备注 -->`, MDX `{/* 备注 *\/}`) never becomes a summary.
 */
export const SUMMARY_LIMIT = 200;

export function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}

/** Line breaks and runs of white space as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `bodyText` is only called when there is no written summary. */
export function entrySummary(data: { summary?: string | undefined }, bodyText: () => string, limit = 120): string {
  if (data.summary) return truncate(data.summary, SUMMARY_LIMIT);
  return truncate(oneLine(bodyText()), limit);
}
