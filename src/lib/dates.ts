/**
 * Dates in content are calendar days (`YYYY-MM-DD`) in China Standard Time.
 * We keep them as strings: they sort, compare and print without timezone surprises.
 */
export const TIME_ZONE = 'Asia/Shanghai';
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day such as `2026-02-28` (not `2025-13-45`, not `2026-02-30`). */
export function isValidDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD` of a Date as read in UTC (YAML turns unquoted dates into UTC midnight). */
export function dayFromUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today's day in China (the site's readers' calendar). */
export function today(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** `2026年3月18日` */
export function formatDay(day: string): string {
  const m = DAY_RE.exec(day);
  if (!m) return day;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026年3月` */
export function formatMonth(day: string): string {
  const m = DAY_RE.exec(day);
  if (!m) return day;
  return `${Number(m[1])}年${Number(m[2])}月`;
}

/** `m:ss` / `h:mm:ss` → seconds; undefined when malformed. */
export function parseDuration(value: string): number | undefined {
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** ISO 8601 duration for `<time datetime>` and metadata: `PT1M5S`. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
