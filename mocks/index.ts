// The mock backend: a scenario in, MSW handlers out (use mocks/node.ts or mocks/browser.ts to run them).
export { createMockBackend } from './backend.js';
export type { Fault, MockBackend, MockBackendOptions, MockClock } from './backend.js';
export * from './scenarios.js';
