import type { TeamEntry } from '../schemas/index.ts';

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

  snapshot(): readonly TeamEntry[] {
    return this.list;
  }

  restore(snapshot: readonly TeamEntry[]): void {
    this.list = snapshot;
    this.reindex();
  }

  private reindex(): void {
    this.index = new Map(this.list.map((entry, i) => [entry.id, i]));
  }
}
