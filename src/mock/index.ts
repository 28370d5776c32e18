// seatkit/mock: the mock backend in your page or process, for prototypes, demos, tests and the
// README's snippets: `createMockAdapter()` gives the elements a backend with zero setup. It is the
// server engine (seatkit/server) on in-memory storage, with test controls.
export { createMockAdapter } from './adapter.js';
export type { MockAdapter, MockAdapterOptions } from './adapter.js';
export { createMockBackend } from './backend.js';
export type { Fault, MockBackend, MockBackendOptions, MockClock } from './backend.js';
export * as scenarios from './scenarios.js';
export { generateScenario } from './scenarios.js';
