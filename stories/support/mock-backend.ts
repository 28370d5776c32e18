// Every story runs on its own mock backend (mocks/), served through msw-storybook-addon: the
// story's `parameters.msw.handlers` come from `createMockBackend(scenario)`, and `beforeEach`
// puts that backend back to its scenario before every render, so no story sees another's changes
// (nor its own from a previous visit).
import type { RequestHandler } from 'msw';
import { createMockBackend } from '../../mocks/index.js';
import type { Fault, MockBackend } from '../../mocks/index.js';
import type { SeatkitAdapter } from '../../src/api/adapter.js';
import { createHttpAdapter } from '../../src/api/http-adapter.js';
import type { OperationId } from '../../src/api/routes.js';

export interface MockStoryOptions {
  /** Faults injected after every reset, e.g. `[['*', { latencyMs: 2500 }]]`. */
  faults?: ReadonlyArray<readonly [OperationId | '*', Fault]>;
  /** Runs after the reset with the story's backend and adapter (e.g. make a change first). */
  setup?: (backend: MockBackend, adapter: SeatkitAdapter) => void | Promise<void>;
}

export interface MockStory {
  /** The story's backend (to accept an invitation, move the clock, or read its state). */
  backend: MockBackend;
  /** What the element talks to: the HTTP adapter on `/api`, answered by the backend above. */
  adapter: SeatkitAdapter;
  /** Spread into the story: `parameters.msw.handlers` and `beforeEach`. */
  story: {
    parameters: { msw: { handlers: RequestHandler[] } };
    beforeEach: () => Promise<void>;
  };
}

/** A mock backend for one story, built from `scenario` (a scenario object, docs/integrator-guide.md). */
export function mockStory(scenario: unknown, options: MockStoryOptions = {}): MockStory {
  const backend = createMockBackend(scenario);
  const adapter = createHttpAdapter({ baseUrl: '/api' });
  const beforeEach = async () => {
    await backend.reset();
    for (const [operation, fault] of options.faults ?? []) backend.injectFault(operation, fault);
    await options.setup?.(backend, adapter);
  };
  return {
    backend,
    adapter,
    story: { parameters: { msw: { handlers: backend.handlers } }, beforeEach },
  };
}

/** A scenario with another signed-in member (the same team seen through their role). */
export function signedInAs<T extends { actor: string }>(scenario: T, actor: string): T {
  return { ...scenario, actor };
}
