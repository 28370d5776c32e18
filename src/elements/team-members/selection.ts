import type { TeamEntry } from '../../schemas/index.js';

/** The menu id of the bulk actions' menu in the list's menu controller (row menus use entry ids). */
export const BULK_MENU = '\u0000bulk';

/**
 * The rows the viewer selected for a bulk action, by id. It lives outside the rendered rows: the
 * list keeps only the rows in view in the DOM, and "select all" takes every entry of the filtered
 * view, rendered or not. Ids stay in the order they were selected (a retry sends the failed ones
 * in the order first sent, so each request is the same again, with its Idempotency-Key).
 */
export class Selection {
  private ids = new Set<string>();
  /** Where a range starts: the row last clicked or toggled (shift-click, shift+arrow). */
  anchor: string | null = null;
  /** Grows on every change, so what is derived from the selection can be cached. */
  private changes = 0;
  private counted: { entries: readonly TeamEntry[]; version: number; count: number } | null = null;

  /** A number that changes whenever the selection does. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The selected ids, in the order they were selected. */
  list(): string[] {
    return [...this.ids];
  }

  /** Selects (`on`) or deselects every id of `ids`. */
  set(ids: Iterable<string>, on: boolean): void {
    for (const id of ids) {
      if (on) this.ids.add(id);
      else this.ids.delete(id);
    }
    this.changes++;
  }

  clear(): void {
    this.ids = new Set();
    this.anchor = null;
    this.changes++;
  }

  /** Keeps only the ids `keep` accepts (the entries still listed). */
  retain(keep: (id: string) => boolean): void {
    for (const id of this.ids) if (!keep(id)) this.ids.delete(id);
    if (this.anchor !== null && !keep(this.anchor)) this.anchor = null;
    this.changes++;
  }

  /** How many of `entries` (a filtered view) are selected; cached per view and change. */
  countIn(entries: readonly TeamEntry[]): number {
    const last = this.counted;
    if (last?.entries === entries && last.version === this.changes) return last.count;
    let count = 0;
    if (this.ids.size > 0) for (const e of entries) if (this.ids.has(e.id)) count++;
    this.counted = { entries, version: this.changes, count };
    return count;
  }

  /**
   * Sets the rows from the anchor to `index` of `entries` to `on` (a shift-click or shift+arrow).
   * The anchor stays where it is (as in a file manager), so moving back over the range covers
   * it again; without an anchor in view, only that row is set, and it becomes the anchor.
   */
  range(entries: readonly TeamEntry[], index: number, on: boolean): void {
    const from = this.anchor === null ? -1 : entries.findIndex((e) => e.id === this.anchor);
    if (from === -1) this.anchor = entries[index]?.id ?? null;
    const start = from === -1 ? index : Math.min(from, index);
    const end = from === -1 ? index : Math.max(from, index);
    this.set(
      entries.slice(start, end + 1).map((e) => e.id),
      on,
    );
  }
}
