// The demo host page: all four elements on the embedded mock backend, a demo toolbar, and the
// events the host receives.
import '../../src/define.js';
import { createHttpAdapter } from '../../src/api/http-adapter.js';
import * as events from '../../src/events/index.js';
import type { BillingPeriod } from '../../src/schemas/index.js';
import { startBrowserMock } from '../browser.js';
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

  const mock = await startBrowserMock(source.scenario);
  const { backend } = mock;
  const provider = document.querySelector('seatkit-provider')!;
  const toolbar = document.getElementById('demo-toolbar')!;
  const view: ToolbarView = { backend, status: '', ...prefs };

  const persist = () => saveScenario(localStorage, backend.snapshot({ includePassword: true }));
  mock.worker.events.on('response:mocked', persist);

  const connect = () => {
    provider.adapter = createHttpAdapter({ baseUrl: '/api' });
  };
  const refresh = () => {
    persist();
    void provider.store?.refresh();
    update();
  };
  const attempt = (label: string, action: () => void) => {
    try {
      action();
      view.status = label;
    } catch (error) {
      view.status = `${label} failed: ${(error as Error).message}`;
    }
    refresh();
  };
  const savePrefs = () =>
    localStorage.setItem(PREFS_KEY, JSON.stringify({ language: view.language, theme: view.theme }));

  const actions: ToolbarActions = {
    switchActor(email) {
      attempt(`Signed in as ${email}`, () => backend.setActor(email));
      connect();
    },
    setPlan(planId, period: BillingPeriod) {
      attempt(`Plan ${planId}, ${period}`, () => backend.setPlan(planId, period));
    },
    setClock(date) {
      attempt(`Clock set to ${date.toISOString()}`, () => backend.clock.set(date));
    },
    advanceDays(days) {
      attempt(`Clock advanced ${days} day(s)`, () => backend.clock.advanceDays(days));
    },
    accept(email) {
      attempt(`${email} accepted`, () => {
        const { charge } = backend.acceptInvitation(email);
        view.status = `${email} accepted; charged ${(charge.amount / 100).toFixed(2)}`;
      });
    },
    injectFault(kind, requests) {
      const fault =
        kind === 'slow'
          ? { latencyMs: 3000, times: requests }
          : kind === 'error'
            ? { status: 500, times: requests }
            : { network: true as const, times: requests };
      backend.injectFault('*', fault);
      view.status = `Next ${requests} request(s): ${kind}`;
      update();
    },
    clearFaults() {
      backend.clearFaults();
      view.status = 'Faults cleared';
      update();
    },
    reset() {
      forgetScenario(localStorage);
      backend.clearFaults();
      backend.reset(defaultScenario());
      view.status = 'Reset to the default scenario';
      persist();
      connect();
      update();
    },
    async copyLink() {
      const link = scenarioLink(location, backend.snapshot({ includePassword: true }));
      try {
        await navigator.clipboard.writeText(link);
        view.status = 'Link copied';
      } catch {
        view.status = `Copy this link: ${link}`;
      }
      update();
      return link;
    },
    setLanguage(language) {
      view.language = language;
      document.documentElement.lang = language;
      savePrefs();
      update();
    },
    setTheme(theme) {
      view.theme = theme;
      document.documentElement.dataset.theme = theme;
      savePrefs();
      update();
    },
  };

  function update() {
    renderToolbar(toolbar, view, actions);
  }

  const eventTypes = Object.values(events).map((eventClass) => eventClass.type);
  for (const type of eventTypes) document.addEventListener(type, logEvent);

  connect();
  update();
}

main().catch((error: unknown) => showError(`The demo could not start: ${String(error)}`));
