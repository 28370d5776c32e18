// Where the demo's scenario comes from: the URL (?scenario=...), the last saved state, or the
// default demo scenario. The current state is saved in localStorage after every change so it
// survives a reload until Reset.
import { parseScenario } from '../../src/schemas/scenario.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import { scenarios } from '../scenarios.js';

const STORAGE_KEY = 'seatkit-demo:scenario';

export type ScenarioSource =
  | {
      ok: true;
      scenario: Scenario;
      from: 'url' | 'saved' | 'default';
      /** Why a saved state was not used (it is never dropped silently). */
      notice?: string;
    }
  | { ok: false; message: string };

export function defaultScenario(): Scenario {
  const parsed = parseScenario(scenarios.demo);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
}

/** Reads `?scenario=`; an invalid one is reported, never silently replaced. */
export function loadScenario(location: Location, storage: Storage): ScenarioSource {
  const fromUrl = new URLSearchParams(location.search).get('scenario');
  if (fromUrl !== null) {
    let json: unknown;
    try {
      json = JSON.parse(fromUrl);
    } catch (error) {
      return {
        ok: false,
        message: `The scenario in the URL is not JSON: ${(error as Error).message}`,
      };
    }
    const parsed = parseScenario(json);
    return parsed.ok ? { ok: true, scenario: parsed.scenario, from: 'url' } : parsed;
  }
  const saved = storage.getItem(STORAGE_KEY);
  if (saved) {
    let problem: string;
    try {
      const parsed = parseScenario(JSON.parse(saved));
      if (parsed.ok) return { ok: true, scenario: parsed.scenario, from: 'saved' };
      problem = parsed.message;
    } catch (error) {
      problem = `it is not JSON (${(error as Error).message})`;
    }
    storage.removeItem(STORAGE_KEY);
    return {
      ok: true,
      scenario: defaultScenario(),
      from: 'default',
      notice: `The saved demo state could not be loaded, so the default scenario is shown. ${problem}`,
    };
  }
  return { ok: true, scenario: defaultScenario(), from: 'default' };
}

export function saveScenario(storage: Storage, scenario: Scenario): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(scenario));
}

export function forgetScenario(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}

export function scenarioLink(location: Location, scenario: Scenario): string {
  const url = new URL(location.pathname, location.origin);
  url.search = `?scenario=${encodeURIComponent(JSON.stringify(scenario))}`;
  return url.toString();
}
