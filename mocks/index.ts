// The mock backend: a scenario in, MSW handlers out (use mocks/node.ts or mocks/browser.ts to run them).
export { createMockBackend } from './backend.ts';
export type { Fault, MockBackend, MockBackendOptions, MockClock } from './backend.ts';
export * from './scenarios.ts';
