// seatkit/testing: prove an adapter and its backend behave like Seatkit expects.
export { runConformanceSuite } from './suite.js';
export type { ConformanceControl, ConformanceHarness, ConformanceOptions } from './suite.js';
export * as conformanceScenarios from './fixtures.js';
export { ConformanceFailure } from './assert.js';
