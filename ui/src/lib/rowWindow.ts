// Which rows of a long table to put in the DOM: the ones in view plus a margin. Laying out a
// thousand full rows takes the browser a noticeable moment on every sort or keystroke; forty don't.

export interface RowWindow {
  start: number;
  end: number;
  /** Heights of the empty space standing in for the rows before and after the window. */
  before: number;
  after: number;
}

/** Registers up to this size are rendered whole: simpler for everyone, and fast enough. */
export const WINDOW_FROM = 150;

export function rowWindow(count: number, scrollTop: number, viewport: number, rowHeight: number, overscan = 10): RowWindow {
  if (count <= WINDOW_FROM) return { start: 0, end: count, before: 0, after: 0 };
  // Before the first measurement (viewport 0), show a screenful rather than nothing.
  const visible = Math.ceil((viewport > 0 ? viewport : 1000) / rowHeight);
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(first - overscan, count - visible - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start: Math.max(0, start), end, before: Math.max(0, start) * rowHeight, after: (count - end) * rowHeight };
}

/** The scroll position that brings row `index` fully into view, or the current one if it is. */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number, header = 0): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport - header) return bottom - viewport + header;
  return scrollTop;
}
