// The mock backend: the server engine (seatkit/server) on the memory store, with one account and
// its test controls on. It answers Requests exactly as a Seatkit server would; the MSW handlers
// (mocks/), the in-process mock adapter and the demo all run on it.
import { PLANS } from '../rules/plans.js';
import type { BillingPeriod, Charge, Invoice, Member } from '../schemas/index.js';
import type { Scenario } from '../schemas/scenario.js';
import type { OperationId } from '../api/routes.js';
import { createSeatkitHandler } from '../server/handler.js';
import type { EngineControls, Fault } from '../server/controls.js';
import { memoryStore } from '../server/memory-store.js';
import { readScenario } from '../server/scenario.js';
import { demo } from './scenarios.js';

export type { Fault };

export interface MockClock {
  now(): Promise<Date>;
  set(date: Date | string): Promise<void>;
  advanceDays(days: number): Promise<void>;
}

export interface MockBackend {
  /**
   * Answers one request of the HTTP contract (paths under `basePath`, and the test controls
   * under `<basePath>/_control/`). An injected network fault rejects with a `NetworkFault`.
   */
  handle(request: Request): Promise<Response>;
  readonly basePath: string;
  readonly clock: MockClock;
  /** The invitee accepts (by invitation id or email): joins and is charged. */
  acceptInvitation(idOrEmail: string): Promise<{ member: Member; charge: Charge }>;
  /**
   * Signs in as another member. `stillSignedIn` keeps a deactivated member's session (a member
   * deactivated while signed in): every request then answers as it would for them.
   */
  setActor(email: string, options?: { stillSignedIn?: boolean }): Promise<Member>;
  /** A plan change made outside these elements (billing settings). */
  setPlan(planId: string, period?: BillingPeriod): Promise<void>;
  injectFault(operationId: OperationId | '*', fault: Fault): void;
  clearFaults(): void;
  /** Back to the scenario it was created with (or a new one); faults and idempotency keys cleared. */
  reset(scenario?: unknown): Promise<void>;
  /**
   * The current state as a scenario (to persist it or share it as a link); loading it again
   * changes nothing. The owner's password is left out (`password: ''`: a backend loaded from it
   * refuses every transfer) unless `includePassword` asks for it, so it can't leak through a log.
   */
  snapshot(options?: { includePassword?: boolean }): Promise<Scenario>;
  charges(): Promise<Charge[]>;
  invoices(): Promise<Invoice[]>;
}

export interface MockBackendOptions {
  /** The path the API is served under (default `/api`). */
  basePath?: string;
}

/** The one account of a mock backend. */
const ACCOUNT = 'mock';

/**
 * A backend built from a scenario (default: the demo's). An invalid scenario throws at once,
 * with every problem and its path.
 */
export function createMockBackend(
  scenario: unknown = demo,
  options: MockBackendOptions = {},
): MockBackend {
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  let initial: Scenario = readScenario(scenario, PLANS);
  const handler = createSeatkitHandler({
    store: memoryStore(),
    basePath,
    controls: true,
    // The mock's one account, signed in as its demo actor (setActor).
    identify: () => ({ accountId: ACCOUNT }),
  });
  const controls = handler.controls as EngineControls;
  // Every request waits for the account to exist (and fails with the reason if it could not).
  let ready = controls.seed(ACCOUNT, initial);
  ready.catch(() => undefined);

  return {
    handle: async (request) => {
      await ready;
      return handler(request);
    },
    basePath,
    clock: {
      now: () => controls.now(ACCOUNT),
      set: async (date) => void (await controls.setClock(ACCOUNT, date)),
      advanceDays: async (days) => void (await controls.advanceDays(ACCOUNT, days)),
    },
    acceptInvitation: (idOrEmail) => controls.acceptInvitation(ACCOUNT, idOrEmail),
    setActor: (email, options) => controls.setActor(ACCOUNT, email, options),
    setPlan: (planId, period) => controls.setPlan(ACCOUNT, planId, period),
    injectFault: (operationId, fault) => controls.injectFault(operationId, fault),
    clearFaults: () => controls.clearFaults(),
    reset: async (next) => {
      // Validated here, so an invalid scenario throws before the current state is dropped.
      if (next !== undefined) initial = readScenario(next, PLANS);
      controls.clearFaults();
      ready = controls.seed(ACCOUNT, initial);
      await ready;
    },
    snapshot: (options) => controls.snapshot(ACCOUNT, options),
    charges: () => controls.charges(ACCOUNT),
    invoices: () => controls.invoices(ACCOUNT),
  };
}
