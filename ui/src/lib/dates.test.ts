import { describe, expect, it } from 'vitest';
import { addDays, formatDate, parseIsoDate, relativeDays } from './dates';

describe('dates', () => {
  it('reads only real calendar dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('1/2/2026')).toBeNull();
  });

  it('writes dates unambiguously and relative to today', () => {
    expect(formatDate('2026-03-04')).toBe('4 Mar 2026');
    expect(formatDate(null)).toBe('—');
    expect(relativeDays('2026-12-01', '2026-11-22')).toBe('in 9 days');
    expect(relativeDays('2026-11-20', '2026-11-22')).toBe('2 days ago');
    expect(relativeDays('2026-11-22', '2026-11-22')).toBe('today');
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
