// An Idempotency-Key still being answered: the engine on `store`, its write transactions held
// until released, one invite sent with the key "flight" and still in its transaction.
import { createSeatkitHandler } from '../../src/server/index.js';
import type { SeatkitStore } from '../../src/server/index.js';
import { productExample } from '../../src/testing/fixtures.js';

export interface KeyInFlight {
  /** The first request's answer, once released. */
  first: Promise<Response>;
  /** Sends the same request (same key, same body) again. */
  send(): Promise<Response>;
  /** Lets write transactions through again (the first request's too). */
  release(): void;
}

export async function keyInFlight(store: SeatkitStore): Promise<KeyInFlight> {
  let hold: Promise<void> | null = null;
  const slowStore: SeatkitStore = {
    ...store,
    transaction: (accountId, mode, work) =>
      store.transaction(accountId, mode, async (tx) => {
        if (mode === 'write' && hold) await hold;
        return work(tx);
      }),
  };
  const handler = createSeatkitHandler({
    store: slowStore,
    basePath: '/api',
    controls: true,
    identify: () => ({ accountId: 'acme', memberId: 'mem-olivia-example-com' }),
  });
  await handler.controls!.seed('acme', productExample());
  let open: () => void = () => undefined;
  hold = new Promise<void>((resolve) => (open = resolve));
  const send = () =>
    handler(
      new Request('http://seatkit.test/api/invitations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'flight' },
        body: JSON.stringify({ email: 'flight@example.com', role: 'agent' }),
      }),
    );
  const first = send();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    first,
    send,
    release: () => {
      hold = null;
      open();
    },
  };
}
