/** What one change makes of one value (an entry, a phone number); `undefined` means "gone". */
export type Edit<V> = (value: V | undefined) => V | undefined;

/**
 * Changes shown before the backend answers, each carrying its own edits. For every key with edits
 * in flight it keeps the confirmed value (the backend's, as last known) and shows that value with
 * the edits applied in the order they were made. So a change that fails takes back only its own
 * edits, and only as far as they still show (a later change to the same key keeps its value; one
 * that already succeeded is the confirmed value now); nothing restores a snapshot of a whole list.
 *
 * `read` and `write` reach the shown values (the store's list, its phone numbers).
 */
export class Overlay<V> {
  private readonly confirmed = new Map<string, V | undefined>();
  private edits: { owner: object; key: string; edit: Edit<V> }[] = [];

  constructor(
    private readonly read: (key: string) => V | undefined,
    private readonly write: (key: string, value: V | undefined) => void,
  ) {}

  /** Shows `edit` of `key` at once, as part of the change `owner`. */
  add(owner: object, key: string, edit: Edit<V>): void {
    if (!this.pending(key)) this.confirmed.set(key, this.read(key));
    this.edits.push({ owner, key, edit });
    this.show(key);
  }

  /** The change failed: its edits go, every key it touched shows its confirmed value and the other edits. */
  drop(owner: object): void {
    const keys = this.take(owner).map((e) => e.key);
    for (const key of new Set(keys)) this.settle(key);
  }

  /**
   * The change succeeded. `answer` holds the backend's values for the keys it returned; the
   * change's other edits become confirmed as they were made. Returns every confirmed value that
   * changed (for the store's reload journal).
   */
  commit(owner: object, answer: ReadonlyMap<string, V | undefined>): Map<string, V | undefined> {
    const changed = new Map<string, V | undefined>();
    for (const { key, edit } of this.take(owner)) {
      if (answer.has(key)) continue;
      const value = edit(this.current(key));
      this.setConfirmed(key, value);
      changed.set(key, value);
    }
    for (const [key, value] of answer) {
      this.setConfirmed(key, value);
      changed.set(key, value);
    }
    for (const key of changed.keys()) this.settle(key);
    return changed;
  }

  /** The backend's value of `key` (an answer, a reload), shown under any edits still in flight. */
  confirm(key: string, value: V | undefined): void {
    if (this.pending(key)) {
      this.confirmed.set(key, value);
      this.show(key);
    } else this.write(key, value);
  }

  /** The confirmed value of `key`: the backend's as last known, without edits in flight. */
  current(key: string): V | undefined {
    return this.pending(key) ? this.confirmed.get(key) : this.read(key);
  }

  /** Keys with edits in flight: after the shown values were replaced wholesale, `confirm` each. */
  pendingKeys(): string[] {
    return [...this.confirmed.keys()];
  }

  private pending(key: string): boolean {
    return this.confirmed.has(key);
  }

  private setConfirmed(key: string, value: V | undefined): void {
    if (this.pending(key)) this.confirmed.set(key, value);
    else this.write(key, value);
  }

  private take(owner: object): { key: string; edit: Edit<V> }[] {
    const mine = this.edits.filter((e) => e.owner === owner);
    this.edits = this.edits.filter((e) => e.owner !== owner);
    return mine;
  }

  /** Shows `key` again; forgets its confirmed value once no edit is in flight. */
  private settle(key: string): void {
    if (!this.pending(key)) return;
    this.show(key);
    if (!this.edits.some((e) => e.key === key)) this.confirmed.delete(key);
  }

  private show(key: string): void {
    let value = this.confirmed.get(key);
    for (const e of this.edits) if (e.key === key) value = e.edit(value);
    if (value !== this.read(key)) this.write(key, value);
  }
}
