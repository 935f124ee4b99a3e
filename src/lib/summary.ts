/** Summaries: the author's `summary`, else the start of the body as plain text. */
export const SUMMARY_LIMIT = 200;

/** Markdown → plain text, good enough for a summary or a search snippet. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^\uFEFF/, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
    .replace(/[|*_`~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}

export function entrySummary(data: { summary?: string | undefined }, body: string | undefined, limit = 120): string {
  if (data.summary) return truncate(data.summary, SUMMARY_LIMIT);
  return truncate(markdownToPlainText(body ?? ''), limit);
}
