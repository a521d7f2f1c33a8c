/** Digest dates: ISO strings (YYYY-MM-DD), resolved from a flag, a file name or the digest's date line. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "Mar 17", "March 17", "Mar 17, 2025", "17 March 2025" */
const MONTH_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/;
const DAY_MONTH = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?$/;

export interface DateLine {
  month: number; // 1-12
  day: number;
  year: number | undefined;
}

function monthIndex(name: string): number | undefined {
  const key = name.toLowerCase();
  const i = MONTHS.findIndex((m) => key.startsWith(m) && (key.length === 3 || isFullMonthName(key)));
  return i < 0 ? undefined : i + 1;
}

const FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'sept',
];
function isFullMonthName(key: string): boolean {
  return FULL.includes(key);
}

export function isValidIsoDate(iso: string): boolean {
  const m = ISO.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Parses a date line of a digest page; undefined when the line is not a date. */
export function parseDateLine(line: string): DateLine | undefined {
  const text = line.trim();
  const iso = ISO.exec(text);
  if (iso) {
    return isValidIsoDate(text) ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : undefined;
  }
  let month: number | undefined;
  let day: number;
  let year: string | undefined;
  const md = MONTH_DAY.exec(text);
  const dm = md ? null : DAY_MONTH.exec(text);
  if (md) {
    month = monthIndex(md[1] ?? '');
    day = Number(md[2]);
    year = md[3];
  } else if (dm) {
    month = monthIndex(dm[2] ?? '');
    day = Number(dm[1]);
    year = dm[3];
  } else {
    return undefined;
  }
  if (month === undefined || day < 1 || day > 31) return undefined;
  // Feb 29 is valid in some year, so check day-in-month against a leap year when the year is unknown.
  const probeYear = year === undefined ? 2024 : Number(year);
  if (!isValidIsoDate(toIso(probeYear, month, day))) return undefined;
  return { month, day, year: year === undefined ? undefined : Number(year) };
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date line without a year means its latest occurrence not after today:
 * "Mar 17" read on 2026-11-28 is 2026-03-17, read on 2026-03-01 it is 2025-03-17.
 */
export function resolveDateLine(line: DateLine, today: string): { iso: string; inferredYear: boolean } {
  if (line.year !== undefined) return { iso: toIso(line.year, line.month, line.day), inferredYear: false };
  let year = Number(today.slice(0, 4));
  for (;;) {
    const iso = toIso(year, line.month, line.day);
    if (isValidIsoDate(iso) && iso <= today) return { iso, inferredYear: true };
    year -= 1;
  }
}

/** A YYYY-MM-DD anywhere in a file's base name, if it is a real date. */
export function dateFromFileName(path: string): string | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  for (const m of base.matchAll(/(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/g)) {
    if (m[1] && isValidIsoDate(m[1])) return m[1];
  }
  return undefined;
}

export function todayIso(now: Date = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
