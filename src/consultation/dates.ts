/**
 * Norwegian dates as letters write them, Bokmål and Nynorsk: «1. mars 2025», «fredag 14. februar 2025», «01.03.2025»,
 * «1.3.25», «2025-03-01», «1. mars» (no year: the caller supplies the year from the letter's own date).
 */
import { MONTHS } from '../text/months.js';

const MONTH = MONTHS.join('|');
const DATE = new RegExp(
  `(\\d{1,2})\\.\\s*(${MONTH})(?:\\s+(\\d{4}))?|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
  'iu',
);

export interface FoundDate {
  /** ISO date, or null when the text gave no year and none was supplied. */
  iso: string | null;
  year: number | null;
  month: number;
  day: number;
  /** Offsets of the date in the searched text. */
  start: number;
  end: number;
}

function realDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The first date in `text`, if any.
 * @example findDate('Høringsfristen er fredag 14. februar 2025.')?.iso === '2025-02-14'
 */
export function findDate(text: string): FoundDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  let y: number | null, mo: number, d: number;
  if (m[2]) {
    d = +m[1];
    mo = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    y = m[3] ? +m[3] : null;
  } else if (m[6]) {
    d = +m[4];
    mo = +m[5];
    y = m[6].length === 2 ? 2000 + +m[6] : +m[6];
  } else {
    y = +m[7];
    mo = +m[8];
    d = +m[9];
  }
  if (!realDay(y ?? 2000, mo, d)) return null;
  return {
    iso: y === null ? null : iso(y, mo, d),
    year: y,
    month: mo,
    day: d,
    start: m.index,
    end: m.index + m[0].length,
  };
}

/**
 * A date without a year, placed on or after `after` (ISO): a deadline «innen 1. mars» in a letter dated 12 December
 * 2024 is 1 March 2025. Null when the day does not exist in that year.
 */
export function withYearAfter(date: { month: number; day: number }, after: string): string | null {
  const [y, m, d] = after.split('-').map(Number);
  const year = date.month > m! || (date.month === m && date.day >= d!) ? y! : y! + 1;
  return realDay(year, date.month, date.day) ? iso(year, date.month, date.day) : null;
}
