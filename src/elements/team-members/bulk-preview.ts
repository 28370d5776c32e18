import type { BatchAction, BatchPreview, CombinedRemoval, Quote } from '../../schemas/index.js';
import { MAX_BATCH_ITEMS } from '../../schemas/constants.js';
import type { BatchOptions, TeamStore } from '../../state/store.js';

/**
 * What a bulk action on `ids` would do, from the backend. One preview request takes at most
 * MAX_BATCH_ITEMS items, as one batch request does; a larger selection is previewed in parts of
 * that size (the parts the batch will send) and the answers are put together: every item's
 * decision as the backend gave it, the removals' consequences added up, and one quote for all.
 */
export async function previewAll(
  store: TeamStore,
  action: BatchAction,
  ids: readonly string[],
  input: BatchOptions,
  signal: AbortSignal,
): Promise<BatchPreview> {
  const parts: Promise<BatchPreview>[] = [];
  for (let start = 0; start < ids.length; start += MAX_BATCH_ITEMS)
    parts.push(
      store.previewBatch(action, ids.slice(start, start + MAX_BATCH_ITEMS), input, { signal }),
    );
  const answers = await Promise.all(parts);
  if (answers.length === 1) return answers[0]!;
  return {
    items: answers.flatMap((a) => a.items),
    quote: joinQuotes(
      answers.map((a) => a.quote),
      store.billing?.plan.minSeats ?? 0,
    ),
    removal: joinRemovals(answers.map((a) => a.removal)),
  };
}

/**
 * One quote for parts that were each priced from the same starting point: their seat changes
 * added up and priced as rules/seats.ts `quoteSeats` prices one change (added seats beyond the
 * ones already paid are charged one prorated line each; the next invoice bills
 * max(minSeats, active) seats). Each part was decided on its own, so on a plan with a seat limit
 * a reactivation the preview allows may still be refused when its turn comes (the result says so).
 */
function joinQuotes(quotes: readonly (Quote | null)[], minSeats: number): Quote | null {
  const first = quotes[0];
  if (!first || quotes.some((q) => q === null)) return null;
  const all = quotes as readonly Quote[];
  const allowed = all.filter((q) => q.allowed);
  if (allowed.length === 0) return first;
  let adding = 0;
  let removing = 0;
  for (const q of allowed) {
    const change = q.activeAfter - q.activeBefore;
    if (change > 0) adding += change;
    else removing -= change;
  }
  const activeAfter = first.activeBefore + adding - removing;
  const chargedSeats = Math.max(0, Math.min(adding, activeAfter - first.paidBefore));
  const seats = Math.max(minSeats, activeAfter);
  const { items: _items, refusal: _refusal, ...base } = first;
  return {
    ...base,
    allowed: true,
    dueNow: chargedSeats * first.proration.amount,
    chargedSeats,
    activeAfter,
    paidAfter: first.paidBefore + chargedSeats,
    capacity: {
      used: first.capacity.used - (first.activeAfter - first.activeBefore) + adding - removing,
      max: first.capacity.max,
    },
    nextInvoice: { ...first.nextInvoice, seats, amount: seats * first.proration.perSeat },
  };
}

function joinRemovals(removals: readonly (CombinedRemoval | null)[]): CombinedRemoval | null {
  const first = removals[0];
  if (!first || removals.some((r) => r === null)) return null;
  const all = removals as readonly CombinedRemoval[];
  const union = (lists: string[][]) => [...new Set(lists.flat())];
  const sum = (pick: (r: CombinedRemoval) => number) => all.reduce((n, r) => n + pick(r), 0);
  return {
    ...first,
    members: sum((r) => r.members),
    phoneNumbers: all.flatMap((r) => r.phoneNumbers),
    recordings: sum((r) => r.recordings),
    smsConversations: sum((r) => r.smsConversations),
    campaigns: union(all.map((r) => r.campaigns)),
    personalIntegrations: union(all.map((r) => r.personalIntegrations)),
    refund: sum((r) => r.refund),
  };
}
