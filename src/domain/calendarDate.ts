/**
 * Dates and links as requests carry them. A date is checked against the calendar, not only its shape:
 * `2024-13-45` or `2024-02-30` would otherwise be stored and later roll over (Postgres or Date) to another day.
 * A link must be http(s): `javascript:` or `data:` in a consultation's URL ends up in an export a person clicks.
 */
import { z } from 'zod';

/** Is `y-m-d` a day on the calendar (leap years included)? */
function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYY-MM-DD, a real day. @example calendarDate.safeParse('2024-02-30').success === false */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dato må skrives ÅÅÅÅ-MM-DD')
  .refine((s) => isRealDay(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), 'datoen finnes ikke i kalenderen');

/** YYYY, YYYY-MM or YYYY-MM-DD (the most precise a source allows), a real year, month or day. */
export const partialCalendarDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dato må være ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (m === undefined) return true;
    return isRealDay(y!, m, d ?? 1);
  }, 'datoen finnes ikke i kalenderen');

/** An absolute http(s) URL. @example httpUrl.safeParse('javascript:alert(1)').success === false */
export const httpUrl = z
  .string()
  .max(1000)
  .url('ugyldig adresse')
  .refine((s) => /^https?:\/\//i.test(s), 'adressen må begynne med http:// eller https://');
