/**
 * One idempotency key per intended change: the same input keeps its key across retries (so the
 * backend applies it once), a changed input gets a new one.
 */
export class IdempotencyKeys {
  #input: string | null = null;
  #key = '';

  /** The key for `input` (compared by its JSON). */
  keyFor(input: unknown): string {
    const signature = JSON.stringify(input);
    if (signature !== this.#input) {
      this.#input = signature;
      this.#key = newKey();
    }
    return this.#key;
  }

  /** Forget the key (after a success, the next identical input is a new intention). */
  reset(): void {
    this.#input = null;
    this.#key = '';
  }
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
