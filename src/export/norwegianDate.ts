/** Dates as Norwegian letters write them, for the DOCX export and the withdrawal warnings alike. */

/** dd.mm.åååå in local time. @example norwegianDate(new Date(2026, 0, 5)) // '05.01.2026' */
export function norwegianDate(d: Date): string {
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}
