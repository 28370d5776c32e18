// seatkit/testing: prove an adapter and its backend behave like Seatkit expects.
export { runConformanceSuite } from './suite.ts';
export type { ConformanceControl, ConformanceHarness, ConformanceOptions } from './suite.ts';
export * as conformanceScenarios from './fixtures.ts';
export { ConformanceFailure } from './assert.ts';
