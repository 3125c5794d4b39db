import { describe, expect, it } from 'vitest';
import { calendarDate, httpUrl, partialCalendarDate } from '../../src/domain/calendarDate.js';

describe('calendarDate', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-12-31', '1999-01-01']) expect(calendarDate.parse(d)).toBe(d);
  });
  it('refuses impossible days with a Norwegian reason', () => {
    for (const d of ['2024-13-45', '2024-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10']) {
      const r = calendarDate.safeParse(d);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('datoen finnes ikke i kalenderen');
    }
  });
  it('partial dates: a year, a real month, or a real day', () => {
    for (const d of ['2024', '2024-12', '2024-02-29']) expect(partialCalendarDate.safeParse(d).success).toBe(true);
    for (const d of ['2024-13', '2024-00', '2024-02-30', '24-01'])
      expect(partialCalendarDate.safeParse(d).success).toBe(false);
  });
});

describe('httpUrl', () => {
  it('takes http(s) only', () => {
    expect(httpUrl.safeParse('https://www.regjeringen.no/no/dokumenter/').success).toBe(true);
    for (const u of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.no/x', 'vbscript:x'])
      expect(httpUrl.safeParse(u).success).toBe(false);
  });
});
