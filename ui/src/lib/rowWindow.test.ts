import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow, WINDOW_FROM } from './rowWindow';

describe('rowWindow', () => {
  it('renders a small register whole', () => {
    expect(rowWindow(WINDOW_FROM, 5000, 600, 38)).toEqual({ start: 0, end: WINDOW_FROM, before: 0, after: 0 });
  });

  it('renders only the rows in view plus a margin, keeping the full scroll height', () => {
    const w = rowWindow(1000, 3800, 760, 38, 10);
    expect(w.start).toBe(90);
    expect(w.end).toBe(130);
    expect(w.before + (w.end - w.start) * 38 + w.after).toBe(1000 * 38);
  });

  it('stays within the rows at both ends', () => {
    expect(rowWindow(1000, 0, 760, 38, 10).start).toBe(0);
    const last = rowWindow(1000, 1000 * 38, 760, 38, 10);
    expect(last.end).toBe(1000);
    expect(last.after).toBe(0);
    expect(last.end - last.start).toBeGreaterThanOrEqual(20);
  });
});

describe('scrollToShow', () => {
  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(5, 0, 380, 38)).toBe(0);
    expect(scrollToShow(10, 0, 380, 38)).toBe(38);
    expect(scrollToShow(2, 380, 380, 38)).toBe(76);
  });
});
