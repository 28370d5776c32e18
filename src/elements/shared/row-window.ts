import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows kept in the DOM beyond the visible ones, on each side (Tab reaches the next row; fast scrolling shows no gap). */
const OVERSCAN = 6;
/** Rows rendered before the list has been measured: more than a 28rem list of rows shows. */
const UNMEASURED = 20;

export interface RowRange {
  /** First row in the DOM. */
  start: number;
  /** One past the last row in the DOM. */
  end: number;
  /** Height of the rows above `start` (px), to keep the scroll position honest. */
  before: number;
  /** Height of all rows (px), so the scrollbar covers the whole list; null before measuring. */
  total: number | null;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Which rows of a long list are in the DOM, for lists whose rows all have the same height (the
 * team list: `--seatkit-row-height`, or `--seatkit-row-height-stacked` when the element is narrow).
 * The range is arithmetic on the scroller's `scrollTop` and height, so 100,000 rows cost the same
 * as 30: nothing is measured per row, only one row once, and again whenever the scroller resizes,
 * which is also when a change of the element's width switches its layout and so its row height.
 * Lists whose rows differ in height (the bulk preview, where a row lists its problems) use
 * @lit-labs/virtualizer instead.
 *
 * Render `range(count)` inside the scroller; call `onScroll` from its `scroll` event.
 */
export class RowWindow implements ReactiveController {
  private readonly host: Host;
  private readonly scrollerOf: () => HTMLElement | null;
  private scroller: HTMLElement | null = null;
  private resize: ResizeObserver | null = null;
  private rowHeight = 0;
  private viewport = 0;
  private top = 0;
  private rendered = { start: 0, end: 0 };

  /**
   * @param scrollerOf Finds the scroller in the host's render root; the rows are its
   *   descendants with `[role="listitem"]`.
   */
  constructor(host: Host, scrollerOf: () => HTMLElement | null) {
    this.host = host;
    this.scrollerOf = scrollerOf;
    host.addController(this);
  }

  /** The rows to render for a list of `count` rows. */
  range(count: number): RowRange {
    const h = this.rowHeight;
    if (h === 0) {
      this.rendered = { start: 0, end: Math.min(count, UNMEASURED) };
      return { ...this.rendered, before: 0, total: null };
    }
    const first = Math.floor(this.top / h);
    const visible = Math.ceil(this.viewport / h) + 1;
    const start = Math.max(0, Math.min(first - OVERSCAN, count - visible - OVERSCAN));
    const end = Math.min(count, first + visible + OVERSCAN);
    this.rendered = { start, end };
    return { start, end, before: start * h, total: count * h };
  }

  /** The scroller moved: re-render when rows outside the rendered ones came into view. */
  onScroll(scroller: HTMLElement): void {
    this.top = scroller.scrollTop;
    if (this.rowHeight === 0) return;
    const first = Math.floor(this.top / this.rowHeight);
    const last = Math.ceil((this.top + this.viewport) / this.rowHeight);
    const { start, end } = this.rendered;
    // Re-render before the overscan runs out in either direction.
    const margin = OVERSCAN / 2;
    if ((first < start + margin && start > 0) || last > end - margin) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const scroller = this.scrollerOf();
    if (scroller !== this.scroller) {
      this.resize?.disconnect();
      this.scroller = scroller;
      this.resize = null;
      if (scroller) {
        // Its first report comes after layout and before paint: the measured window renders in
        // the same frame as the first guess.
        this.resize = new ResizeObserver(() => this.measure());
        this.resize.observe(scroller);
      }
    }
  }

  hostDisconnected(): void {
    this.resize?.disconnect();
    this.resize = null;
    this.scroller = null;
  }

  private measure(): void {
    const scroller = this.scroller;
    const row = scroller?.querySelector<HTMLElement>('[role="listitem"]');
    if (!scroller || !row) return;
    const height = row.offsetHeight;
    const viewport = scroller.clientHeight;
    if (height === this.rowHeight && viewport === this.viewport) return;
    this.rowHeight = height;
    this.viewport = viewport;
    this.top = scroller.scrollTop;
    this.host.requestUpdate();
  }
}
