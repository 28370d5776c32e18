import type { BatchAction, Role } from '../schemas/index.js';
import type { BulkOutcome } from '../state/store.js';
import { COMPLETED, REQUEST } from './base.js';

/**
 * Before a bulk action on the selected members or invitations is sent (after its confirmation);
 * `preventDefault()` vetoes it.
 */
export class BulkRequestEvent extends Event {
  static readonly type = 'seatkit-bulk-request';
  readonly action: BatchAction;
  /** The selected members' or invitations' ids, the ones the viewer may act on. */
  readonly ids: readonly string[];
  /** changeRole: the role they get. */
  readonly role: Role | null;
  constructor(action: BatchAction, ids: readonly string[], role: Role | null = null) {
    super(BulkRequestEvent.type, REQUEST);
    this.action = action;
    this.ids = ids;
    this.role = role;
  }
}

/** A bulk action finished: what became of each item (done, refused with the reason, failed). */
export class BulkCompletedEvent extends Event {
  static readonly type = 'seatkit-bulk-completed';
  readonly action: BatchAction;
  readonly outcomes: readonly BulkOutcome[];
  constructor(action: BatchAction, outcomes: readonly BulkOutcome[]) {
    super(BulkCompletedEvent.type, COMPLETED);
    this.action = action;
    this.outcomes = outcomes;
  }
  /** The ids that were done. */
  get done(): string[] {
    return this.outcomes.flatMap((o) => (o.outcome === 'done' ? [o.id] : []));
  }
  /** The ids whose request failed: still selected, to retry. */
  get failed(): string[] {
    return this.outcomes.flatMap((o) => (o.outcome === 'failed' ? [o.id] : []));
  }
}
