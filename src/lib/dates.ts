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

/**
 * The day a YAML date value stands for. YAML reads `2026-03-18` as UTC midnight and
 * `2026-01-05T07:00:00+08:00` as an instant; both mean the day in China (a plain date at UTC
 * midnight is 08:00 the same day in China, so one rule covers both).
 */
export function dayOfDate(date: Date): string {
  return today(date);
}

/** What an author's `date:` text says, read before YAML turns it into a Date (which rolls `2025-13-45` into 2026). */
export type DayReading =
  /** A real day; `time` is set when the author also wrote a time (the day is then the day in China). */
  | { ok: true; day: string; time?: string }
  /** `2025-13-45`: no such day. */
  | { ok: false; reason: 'impossible' }
  /** `2026-3-8`, `2026/03/08`, `2026年3月8日`, `2026.03.08`: a real day, written another way. */
  | { ok: false; reason: 'format'; day: string }
  /** Anything else. */
  | { ok: false; reason: 'unreadable' };

const LOOSE_DAY_RE = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:-|\/|\.|月)\s*(\d{1,2})\s*日?$/;
const TIMESTAMP_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/;

export function readDay(raw: string): DayReading {
  const text = raw.trim();
  if (DAY_RE.test(text)) return isValidDay(text) ? { ok: true, day: text } : { ok: false, reason: 'impossible' };
  const loose = LOOSE_DAY_RE.exec(text);
  if (loose) {
    const day = `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
    return isValidDay(day) ? { ok: false, reason: 'format', day } : { ok: false, reason: 'impossible' };
  }
  const ts = TIMESTAMP_RE.exec(text);
  if (ts) {
    const [, y, mo, d, h, mi, s = '0', zone] = ts;
    if (!isValidDay(`${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`)) return { ok: false, reason: 'impossible' };
    // YAML reads a timestamp without a zone as UTC; the site then shows its day in China.
    let offsetMinutes = 0;
    if (zone && zone !== 'Z') {
      const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
      offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
    }
    const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
    return { ok: true, day: dayOfDate(new Date(instant)), time: text };
  }
  return { ok: false, reason: 'unreadable' };
}

/** Today's day in China (the site's readers' calendar). */
export function today(now: Date = new Date()): string {
  return CHINA_DAY.format(now);
}

/** en-CA formats as YYYY-MM-DD. Made once: a formatter costs far more to make than to use (every date of every entry). */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

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
