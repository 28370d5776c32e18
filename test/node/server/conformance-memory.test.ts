// The conformance suite against the server engine on the memory store, over real HTTP (a Node
// server on a local port).
import { after, before, describe, it } from 'node:test';
import { memoryStore } from '../../../src/server/index.js';
import { runConformanceSuite } from '../../../src/testing/index.js';
import { engineHarness } from '../../support/engine-harness.js';
import type { EngineHarness } from '../../support/engine-harness.js';

let engine: EngineHarness;
before(async () => {
  engine = await engineHarness(memoryStore(), { http: true });
});
after(() => engine.close());

runConformanceSuite({
  describe,
  it,
  name: 'Seatkit conformance: server engine, memory store, over HTTP',
  makeHarness: (scenario) => engine.makeHarness(scenario),
});
