// Without test controls: the tests that need acceptance, time or another actor are registered
// as skipped (node:test's it.skip), never counted as passed.
import { describe, it } from 'node:test';
import { runConformanceSuite } from 'seatkit/testing';
import type { ConformanceHarness } from 'seatkit/testing';
import type { ScenarioInput } from 'seatkit/schemas';

declare function freshBackend(scenario: ScenarioInput): Promise<ConformanceHarness>;

runConformanceSuite({
  describe,
  it,
  skip: (name, fn) => it.skip(name, fn),
  control: false,
  makeHarness: (scenario) => freshBackend(scenario), // returns no `control`
});
