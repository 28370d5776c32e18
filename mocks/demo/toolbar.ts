// The demo toolbar: clearly not part of the product. It drives the backend the way the world
// would (who is signed in, the plan, the clock, an invitee accepting, faults).
import { html, render } from 'lit';
import type { Scenario } from '../../src/schemas/scenario.js';
import { PLANS, cycleAt, invitationExpiresAt, invitationStatus } from '../../src/rules/index.js';
import type { BillingPeriod } from '../../src/schemas/index.js';

export interface ToolbarActions {
  switchActor(email: string): void;
  setPlan(planId: string, period: BillingPeriod): void;
  setClock(date: Date): void;
  advanceDays(days: number): void;
  accept(email: string): void;
  injectFault(kind: 'slow' | 'error' | 'offline', requests: number): void;
  clearFaults(): void;
  reset(): void;
  copyLink(): Promise<string>;
  setLanguage(lang: string): void;
  setTheme(theme: 'light' | 'dark'): void;
}

export interface ToolbarView {
  /** The backend's state and clock, read before each render. */
  scenario: Scenario;
  now: Date;
  status: string;
  language: string;
  theme: 'light' | 'dark';
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

function formValue(event: Event, name: string): string {
  const form = (event.target as HTMLElement).closest('fieldset');
  const field = form?.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  return field?.value ?? '';
}

/** Whether the controls are shown: the bar is one line until someone opens it. */
let expanded = false;

export function renderToolbar(container: HTMLElement, view: ToolbarView, on: ToolbarActions) {
  const { scenario, now } = view;
  const period = scenario.billing;
  const renewal = cycleAt(new Date(scenario.cycleStart), period, now).end;
  const signedIn = scenario.members.filter((m) => m.status === 'active');
  const invitations = scenario.invitations.map((inv) => {
    const status = invitationStatus(
      {
        expiresAt: invitationExpiresAt(new Date(inv.sentAt)),
        acceptedAt: inv.acceptedAt ? new Date(inv.acceptedAt) : null,
        revokedAt: inv.revokedAt ? new Date(inv.revokedAt) : null,
      },
      now,
    );
    return { email: inv.email, status };
  });
  const pending = invitations.filter((inv) => inv.status === 'pending');

  const toggle = () => {
    expanded = !expanded;
    renderToolbar(container, view, on);
  };

  render(
    html`
      <div class="demo-bar">
        <button
          type="button"
          class="demo-toggle"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="demo-controls"
          @click=${toggle}
        >
          <span aria-hidden="true">${expanded ? '▾' : '▸'}</span> Demo controls
        </button>
        <span class="demo-note">not part of the product</span>
        <span class="demo-status" role="status">${view.status}</span>
      </div>
      <div id="demo-controls" class="demo-controls" ?hidden=${!expanded}>
        <fieldset>
          <legend>Signed in as</legend>
          <select
            aria-label="Signed in as"
            @change=${(e: Event) => on.switchActor(value(e))}
            .value=${scenario.actor}
          >
            ${signedIn.map(
              (m) =>
                html`<option value=${m.email} ?selected=${m.email === scenario.actor}>
                  ${m.name} (${m.role})
                </option>`,
            )}
          </select>
        </fieldset>
        <fieldset>
          <legend>Plan</legend>
          <select
            name="plan"
            aria-label="Plan"
            @change=${(e: Event) => on.setPlan(value(e), formValue(e, 'period') as BillingPeriod)}
          >
            ${PLANS.map(
              (p) =>
                html`<option value=${p.id} ?selected=${p.id === scenario.plan}>${p.name}</option>`,
            )}
          </select>
          <select
            name="period"
            aria-label="Billing period"
            @change=${(e: Event) => on.setPlan(formValue(e, 'plan'), value(e) as BillingPeriod)}
          >
            <option value="monthly" ?selected=${period === 'monthly'}>monthly</option>
            <option value="annual" ?selected=${period === 'annual'}>annual</option>
          </select>
        </fieldset>
        <fieldset>
          <legend>Clock: ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC</legend>
          <input type="date" name="date" aria-label="Set the date" .value=${isoDay(now)} /><button
            type="button"
            @click=${(e: Event) => {
              const day = formValue(e, 'date');
              if (day) on.setClock(new Date(`${day}T${now.toISOString().slice(11)}`));
            }}
          >
            Set date</button
          ><input
            type="number"
            name="days"
            min="1"
            max="400"
            value="1"
            aria-label="Days to advance"
            style="width: 4em"
          /><button
            type="button"
            @click=${(e: Event) => on.advanceDays(Number(formValue(e, 'days')) || 1)}
          >
            Advance days</button
          ><button type="button" @click=${() => on.setClock(renewal)}>
            Jump to renewal (${isoDay(renewal)})
          </button>
        </fieldset>
        <fieldset>
          <legend>Invitee</legend>
          <select
            name="invitee"
            aria-label="Pending invitation to accept"
            ?disabled=${!pending.length}
          >
            ${
              pending.length
                ? pending.map((inv) => html`<option value=${inv.email}>${inv.email}</option>`)
                : html`<option value="">no pending invitation</option>`
            }
          </select>
          <button
            type="button"
            ?disabled=${!pending.length}
            @click=${(e: Event) => on.accept(formValue(e, 'invitee'))}
          >
            Simulate accepting
          </button>
        </fieldset>
        <fieldset>
          <legend>Faults</legend>
          <select name="fault" aria-label="Fault to inject">
            <option value="slow">slow network (3 s)</option>
            <option value="error">server error (500)</option>
            <option value="offline">offline</option>
          </select>
          <label
            >for the next
            <input type="number" name="times" min="1" max="50" value="3" style="width: 3.5em" />
            requests</label
          >
          <button
            type="button"
            @click=${(e: Event) =>
              on.injectFault(
                formValue(e, 'fault') as 'slow' | 'error' | 'offline',
                Number(formValue(e, 'times')) || 1,
              )}
          >
            Inject
          </button>
          <button type="button" @click=${on.clearFaults}>Clear</button>
        </fieldset>
        <fieldset>
          <legend>Page</legend>
          <select aria-label="Language" @change=${(e: Event) => on.setLanguage(value(e))}>
            <option value="en" ?selected=${view.language === 'en'}>English</option>
            <option value="de" ?selected=${view.language === 'de'}>Deutsch</option>
          </select>
          <select
            aria-label="Theme"
            @change=${(e: Event) => on.setTheme(value(e) as 'light' | 'dark')}
          >
            <option value="light" ?selected=${view.theme === 'light'}>light</option>
            <option value="dark" ?selected=${view.theme === 'dark'}>dark</option>
          </select>
          <button type="button" @click=${() => void on.copyLink()}>Copy link to this state</button>
          <button type="button" @click=${on.reset}>Reset</button>
        </fieldset>
      </div>
    `,
    container,
  );
}
