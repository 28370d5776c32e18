import type { TeamEntry } from '../schemas/index.js';

/**
 * The loaded entries in backend order, with an id index. Every change makes a new array so
 * elements can tell "changed" by identity.
 */
export class EntryList {
  private list: readonly TeamEntry[] = [];
  private index = new Map<string, number>();

  get entries(): readonly TeamEntry[] {
    return this.list;
  }

  get(id: string): TeamEntry | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.list[i];
  }

  replace(entries: readonly TeamEntry[]): void {
    this.list = [...entries];
    this.reindex();
  }

  /**
   * Adds the next page(s) in backend order: one concatenation, and only the new ids are indexed
   * (an id already loaded, when the list moved between pages, is updated in place).
   */
  append(entries: readonly TeamEntry[]): void {
    if (entries.length === 0) return;
    if (entries.some((entry) => this.index.has(entry.id))) {
      this.upsertMany(entries);
      return;
    }
    const offset = this.list.length;
    this.list = this.list.concat(entries);
    for (let i = 0; i < entries.length; i++) this.index.set(entries[i]!.id, offset + i);
  }

  upsert(entry: TeamEntry): void {
    this.upsertMany([entry]);
  }

  upsertMany(entries: readonly TeamEntry[]): void {
    const next = [...this.list];
    for (const entry of entries) {
      const i = this.index.get(entry.id);
      if (i === undefined) {
        this.index.set(entry.id, next.length);
        next.push(entry);
      } else next[i] = entry;
    }
    this.list = next;
  }

  remove(id: string): void {
    if (!this.index.has(id)) return;
    this.list = this.list.filter((entry) => entry.id !== id);
    this.reindex();
  }

  private reindex(): void {
    this.index = new Map(this.list.map((entry, i) => [entry.id, i]));
  }
}
