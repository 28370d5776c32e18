// The demo host page: all four elements on a backend, a demo toolbar, and the events the host
// receives. The backend is the mock in this page (`npm start`), or a Seatkit server over HTTP
// (`npm run serve`, which sets VITE_SEATKIT_BACKEND=server); the toolbar drives either one
// through the backend's test controls.
import '../../src/define.js';
import { createHttpAdapter } from '../../src/api/http-adapter.js';
import * as events from '../../src/events/index.js';
import type { BillingPeriod } from '../../src/schemas/index.js';
import { startBrowserMock } from '../browser.js';
import { httpControls, mockControls } from './controls.js';
import type { DemoControls } from './controls.js';
import { renderToolbar } from './toolbar.js';
import type { ToolbarActions, ToolbarView } from './toolbar.js';
import {
  defaultScenario,
  forgetScenario,
  loadScenario,
  saveScenario,
  scenarioLink,
} from './state.js';

const PREFS_KEY = 'seatkit-demo:prefs';
const API = '/api';
const SERVED =
  (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_SEATKIT_BACKEND ===
  'server';

function readPrefs(): { language: string; theme: 'light' | 'dark' } {
  try {
    const prefs = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Record<string, string>;
    return {
      language: prefs.language === 'de' ? 'de' : 'en',
      theme: prefs.theme === 'dark' ? 'dark' : 'light',
    };
  } catch {
    return { language: 'en', theme: 'light' };
  }
}

function showError(message: string) {
  const box = document.getElementById('demo-error')!;
  box.hidden = false;
  box.textContent = `${message}\n\nOpen the page without ?scenario= to load the default scenario.`;
}

function logEvent(event: Event) {
  const log = document.getElementById('event-log')!;
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = event.type;
  // The event's own data fields, as a host app would read them.
  const payload = Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'isTrusted'));
  const detail = document.createElement('div');
  detail.textContent = `${event.cancelable ? 'cancelable · ' : ''}${JSON.stringify(payload)}`;
  item.append(name, detail);
  log.prepend(item);
}

/** The backend and its controls: a server's over HTTP, or the mock started in this page. */
async function startBackend(
  source: Extract<ReturnType<typeof loadScenario>, { ok: true }>,
): Promise<{ controls: DemoControls; notice: string; persist: () => void }> {
  if (SERVED) {
    const controls = httpControls(API);
    if (source.from === 'url') await controls.reset(source.scenario);
    return { controls, notice: 'Backend: the Seatkit server (SQLite)', persist: () => undefined };
  }
  let notice = source.notice ?? '';
  let mock;
  try {
    mock = await startBrowserMock(source.scenario);
  } catch (error) {
    // A saved state this version cannot load is reported, never replaced silently.
    if (source.from !== 'saved') throw error;
    forgetScenario(localStorage);
    notice = `The saved demo state could not be loaded, so the default scenario is shown. ${String(error)}`;
    mock = await startBrowserMock(defaultScenario());
  }
  const { backend, worker } = mock;
  const persist = () =>
    void backend
      .snapshot({ includePassword: true })
      .then((scenario) => saveScenario(localStorage, scenario));
  worker.events.on('response:mocked', persist);
  return { controls: mockControls(backend), notice, persist };
}

async function main() {
  const prefs = readPrefs();
  document.documentElement.lang = prefs.language;
  document.documentElement.dataset.theme = prefs.theme;

  const source = loadScenario(location, localStorage);
  if (!source.ok) {
    showError(source.message);
    return;
  }
  if (source.from === 'url') history.replaceState(null, '', location.pathname);

  const { controls, notice, persist } = await startBackend(source);
  const provider = document.querySelector('seatkit-provider')!;
  const toolbar = document.getElementById('demo-toolbar')!;
  let status = notice;

  const connect = () => {
    provider.adapter = createHttpAdapter({ baseUrl: API });
  };
  async function update() {
    const [scenario, now] = await Promise.all([controls.snapshot(), controls.now()]);
    const view: ToolbarView = { scenario, now, status, ...prefs };
    renderToolbar(toolbar, view, actions);
  }
  const attempt = async (label: string, action: () => Promise<string | void>) => {
    try {
      status = (await action()) || label;
    } catch (error) {
      status = `${label} failed: ${(error as Error).message}`;
    }
    persist();
    void provider.store?.refresh();
    await update();
  };
  const savePrefs = () =>
    localStorage.setItem(
      PREFS_KEY,
      JSON.stringify({ language: prefs.language, theme: prefs.theme }),
    );

  const actions: ToolbarActions = {
    switchActor(email) {
      void attempt(`Signed in as ${email}`, async () => {
        await controls.setActor(email);
        connect();
      });
    },
    setPlan(planId, period: BillingPeriod) {
      void attempt(`Plan ${planId}, ${period}`, () => controls.setPlan(planId, period));
    },
    setClock(date) {
      void attempt(`Clock set to ${date.toISOString()}`, () => controls.setClock(date));
    },
    advanceDays(days) {
      void attempt(`Clock advanced ${days} day(s)`, () => controls.advanceDays(days));
    },
    accept(email) {
      void attempt(`${email} accepted`, async () => {
        const { charge } = await controls.accept(email);
        return `${email} accepted; charged ${(charge.amount / 100).toFixed(2)}`;
      });
    },
    injectFault(kind, requests) {
      const fault =
        kind === 'slow'
          ? { latencyMs: 3000, times: requests }
          : kind === 'error'
            ? { status: 500, times: requests }
            : { network: true as const, times: requests };
      void attempt(`Next ${requests} request(s): ${kind}`, () => controls.injectFault(fault));
    },
    clearFaults() {
      void attempt('Faults cleared', () => controls.clearFaults());
    },
    reset() {
      forgetScenario(localStorage);
      void attempt('Reset to the default scenario', async () => {
        await controls.clearFaults();
        await controls.reset(defaultScenario());
        connect();
      });
    },
    async copyLink() {
      const link = scenarioLink(location, await controls.snapshot({ includePassword: true }));
      try {
        await navigator.clipboard.writeText(link);
        status = 'Link copied';
      } catch {
        status = `Copy this link: ${link}`;
      }
      await update();
      return link;
    },
    setLanguage(language) {
      prefs.language = language;
      document.documentElement.lang = language;
      savePrefs();
      void update();
    },
    setTheme(theme) {
      prefs.theme = theme;
      document.documentElement.dataset.theme = theme;
      savePrefs();
      void update();
    },
  };

  const eventTypes = Object.values(events).map((eventClass) => eventClass.type);
  for (const type of eventTypes) document.addEventListener(type, logEvent);

  connect();
  await update();
}

main().catch((error: unknown) => showError(`The demo could not start: ${String(error)}`));
