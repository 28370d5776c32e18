// What the demo toolbar drives: the backend's test controls, either on the mock backend in this
// page or on a Seatkit server over HTTP (`npm run serve`, whose controls are under /api/_control/).
import type { MockBackend } from '../../src/mock/backend.js';
import type { Fault } from '../../src/server/controls.js';
import type { BillingPeriod, Charge } from '../../src/schemas/index.js';
import type { Scenario } from '../../src/schemas/scenario.js';

export interface DemoControls {
  snapshot(options?: { includePassword?: boolean }): Promise<Scenario>;
  now(): Promise<Date>;
  setActor(email: string): Promise<void>;
  setPlan(planId: string, period: BillingPeriod): Promise<void>;
  setClock(date: Date): Promise<void>;
  advanceDays(days: number): Promise<void>;
  accept(email: string): Promise<{ charge: Charge }>;
  injectFault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  reset(scenario: unknown): Promise<void>;
}

/** The mock backend in this page. */
export function mockControls(backend: MockBackend): DemoControls {
  return {
    snapshot: (options) => backend.snapshot(options),
    now: () => backend.clock.now(),
    setActor: async (email) => void (await backend.setActor(email)),
    setPlan: (planId, period) => backend.setPlan(planId, period),
    setClock: (date) => backend.clock.set(date),
    advanceDays: (days) => backend.clock.advanceDays(days),
    accept: (email) => backend.acceptInvitation(email),
    injectFault: async (fault) => backend.injectFault('*', fault),
    clearFaults: async () => backend.clearFaults(),
    reset: (scenario) => backend.reset(scenario),
  };
}

/** A Seatkit server's controls over HTTP (the server must run with its controls on). */
export function httpControls(baseUrl: string): DemoControls {
  async function call<T>(method: string, name: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/_control/${name}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { detail?: string };
    if (!response.ok) throw new Error(json.detail ?? `HTTP ${response.status}`);
    return json;
  }
  return {
    snapshot: ({ includePassword = false } = {}) =>
      call('GET', `snapshot${includePassword ? '?includePassword=true' : ''}`),
    now: async () => new Date((await call<{ now: string }>('GET', 'clock')).now),
    setActor: async (email) => void (await call('POST', 'actor', { email })),
    setPlan: async (plan, billing) => void (await call('POST', 'plan', { plan, billing })),
    setClock: async (date) => void (await call('POST', 'clock', { now: date.toISOString() })),
    advanceDays: async (advanceDays) => void (await call('POST', 'clock', { advanceDays })),
    accept: (invitation) => call('POST', 'accept', { invitation }),
    injectFault: async (fault) =>
      void (await call('POST', 'faults', { operationId: '*', ...fault })),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    reset: async (scenario) => void (await call('POST', 'reset', { scenario })),
  };
}
