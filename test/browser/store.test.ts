import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import { provideSeatkit } from '../../src/context/store-context.js';
import { loadLanguage, localizerFor } from '../../src/i18n/index.js';
import { SeatkitError } from '../../src/api/errors.js';
import { errorText } from '../../src/elements/shared/errors.js';
import type { ErrorCode } from '../../src/schemas/index.js';
import { TeamStore } from '../../src/state/store.js';
import type { SeatkitProvider } from '../../src/context/store-context.js';
import { adapter, clean, row } from './helpers/team.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

async function loaded(scenario: unknown = scenarios.productExample, pageSize?: number) {
  await mock.backend.reset(scenario);
  const store = new TeamStore(adapter(), pageSize ? { pageSize } : {});
  await store.load();
  await waitUntil(() => store.complete);
  // As the elements do when an action or a dialog is about to be used: the change code is here,
  // so a change shows before its call returns.
  await store.preloadChanges();
  return store;
}
const idOf = (store: TeamStore, email: string) => store.entries.find((e) => e.email === email)!.id;

describe('TeamStore', () => {
  it('loads viewer, billing, numbers, ring groups and every page through the cursor', async () => {
    const store = await loaded(scenarios.productExample, 3);
    expect(store.viewer?.email).to.equal('olivia@example.com');
    expect(store.billing?.plan.id).to.equal('team');
    expect(store.phoneNumbers).to.have.length(4);
    expect(store.ringGroups.map((g) => g.name)).to.deep.equal(['Sales', 'Support']);
    expect(store.entries).to.have.length(8);
  });

  it('shares one load between concurrent callers', async () => {
    await mock.backend.reset(scenarios.productExample);
    const store = new TeamStore(adapter());
    const [a, b] = [store.load(), store.load()];
    expect(a).to.equal(b);
    await a;
    expect(store.status).to.equal('ready');
  });

  it('reports a failed load and recovers on refresh', async () => {
    await mock.backend.reset(scenarios.productExample);
    mock.backend.injectFault('getViewer', { status: 500, times: 1 });
    const store = new TeamStore(adapter());
    let error: unknown;
    await store.load().catch((e: unknown) => (error = e));
    expect(store.status).to.equal('error');
    expect((error as { code: string }).code).to.equal('server_error');
    await store.refresh();
    expect(store.status).to.equal('ready');
  });

  it('decides with the viewer and the plan', async () => {
    const store = await loaded();
    const priya = store.entry(idOf(store, 'priya@example.com'))!;
    const target = { id: priya.id, role: priya.role, status: 'active' as const };
    expect(store.decide('removeMember', target).allowed).to.equal(true);
    const supervisor = store.decide('changeRole', target, 'supervisor');
    expect(supervisor.allowed).to.equal(false);
  });

  it('gives the rules a snapshot with the capacity left', async () => {
    const store = await loaded(scenarios.essentialsAtLimit);
    const snapshot = store.teamSnapshot();
    expect(snapshot.capacityLeft).to.equal(0);
    expect(snapshot.members.map((m) => m.email)).to.include('jon@example.com');
    expect(snapshot.invitations.map((i) => i.email)).to.deep.equal(['lena@example.com']);
  });

  it('shows a change at once and rolls it back when refused', async () => {
    const store = await loaded();
    const id = idOf(store, 'tom@example.com');
    mock.backend.injectFault('deactivateMember', { status: 500, latencyMs: 100 });
    const pending = store.deactivateMember(id);
    expect((store.entry(id) as { status: string }).status).to.equal('deactivated');
    let code = '';
    await pending.catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('server_error');
    expect((store.entry(id) as { status: string }).status).to.equal('active');
  });

  it('updates billing after an invitation and after a reactivation', async () => {
    const store = await loaded();
    await store.invite(
      { email: 'new@example.com', role: 'agent' },
      { idempotencyKey: crypto.randomUUID() },
    );
    expect(store.billing?.pendingInvitations).to.equal(2);
    expect(store.entries.some((e) => e.email === 'new@example.com')).to.equal(true);
    const result = await store.reactivateMember(idOf(store, 'jon@example.com'));
    expect(result.charge?.amount).to.equal(1450);
    expect(store.billing?.activeSeats).to.equal(6);
  });

  it('reloads the team after a version conflict', async () => {
    const store = await loaded();
    const id = idOf(store, 'tom@example.com');
    await adapter().changeRole(id, 'admin', { version: store.entry(id)!.version });
    let code = '';
    await store.changeRole(id, 'admin').catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('version_conflict');
    await waitUntil(() => store.entry(id)?.role === 'admin', 'not refreshed');
  });
});

describe('sharing one store', () => {
  it('keeps <team-members> and <seat-billing-preview> in sync under <seatkit-provider>', async () => {
    await mock.backend.reset(scenarios.productExample);
    const provider = await fixture<SeatkitProvider>(
      html`<seatkit-provider .adapter=${adapter()}>
        <seat-billing-preview></seat-billing-preview>
        <team-members></team-members>
      </seatkit-provider>`,
    );
    const team = provider.querySelector('team-members')!;
    const preview = provider.querySelector('seat-billing-preview')!;
    await waitUntil(
      () => team.store?.complete && clean(preview.shadowRoot).includes('Pending invitations 1'),
      'not loaded',
      { timeout: 8000 },
    );
    expect(team.store).to.equal(provider.store);
    await provider.store!.invite(
      { email: 'x@example.com', role: 'agent' },
      { idempotencyKey: crypto.randomUUID() },
    );
    await waitUntil(
      () => clean(preview.shadowRoot).includes('Pending invitations 2'),
      'preview not updated',
    );
    await waitUntil(() => Boolean(row(team, 'x@example.com')), 'list not updated');
  });

  it('provides a store to any element with provideSeatkit', async () => {
    await mock.backend.reset(scenarios.productExample);
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const store = provideSeatkit(root, { adapter: adapter() });
    root.append(document.createElement('seat-billing-preview'));
    const preview = root.querySelector('seat-billing-preview')!;
    await waitUntil(() => clean(preview.shadowRoot).includes('$145.00'), 'not loaded', {
      timeout: 8000,
    });
    expect(store.status).to.equal('ready');
  });
});

describe('one errorText for every element', () => {
  before(() => loadLanguage('de'));
  const en = localizerFor('en');
  const de = localizerFor('de');
  const err = (code: ErrorCode, message: string, retryAfter?: number) =>
    new SeatkitError(code, message, retryAfter ? { retryAfter } : {});
  // [what, error, English, German]
  const cases: Array<[string, unknown, string, string]> = [
    [
      'rate limit with Retry-After',
      err('rate_limited', 'Slow down', 3),
      'Too many requests. Try again in 3 seconds.',
      'Zu viele Anfragen. Versuchen Sie es in 3 Sekunden erneut.',
    ],
    [
      'rate limit without',
      err('rate_limited', 'Slow down'),
      'Too many requests. Wait a moment and try again.',
      'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
    ],
    [
      'version conflict',
      err('version_conflict', 'Precondition failed'),
      'Someone else changed this in the meantime. The list has been refreshed.',
      'Jemand anderes hat dies inzwischen geändert. Die Liste wurde aktualisiert.',
    ],
    [
      'network',
      err('network_error', 'Failed to fetch'),
      'Could not reach the server. Check your connection and try again.',
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    ],
    [
      'server error',
      err('server_error', 'HTTP 500'),
      'The server had a problem. Try again.',
      'Der Server hatte ein Problem. Versuchen Sie es erneut.',
    ],
    [
      'owner protected: the backend’s English, the catalogue’s German',
      err('owner_protected', "The owner can't be removed. Transfer ownership first."),
      "The owner can't be removed. Transfer ownership first.",
      'Der Inhaber kann so nicht geändert werden. Übertragen Sie zuerst die Inhaberschaft.',
    ],
    [
      'locked out, with the minutes',
      err('locked_out', 'Too many wrong passwords. Try again in 15 minutes.', 900),
      'Too many wrong passwords. Try again in 15 minutes.',
      'Zu viele falsche Passwörter. Versuchen Sie es in 15 Minuten erneut.',
    ],
    [
      'a quote’s capacity refusal',
      { code: 'capacity_exceeded', message: 'Essentials allows up to 5 seats.' },
      'Essentials allows up to 5 seats.',
      'Ihr Tarif hat dafür keinen freien Platz mehr.',
    ],
    [
      'already invited, without a message',
      err('already_invited', ''),
      'This person already has a pending invitation.',
      'Diese Person hat bereits eine offene Einladung.',
    ],
    [
      'an unknown code keeps the backend’s words',
      { code: 'brand_new_code', message: 'Backend words.' },
      'Backend words.',
      'Backend words.',
    ],
    [
      'not an error at all',
      'boom',
      'Something went wrong. Please try again.',
      'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    ],
  ];
  for (const [what, error, english, german] of cases) {
    it(what, () => {
      expect(errorText(error, en)).to.equal(english);
      expect(errorText(error, de)).to.equal(german);
    });
  }

  it('tells the invite dialogs that a retry sends nothing twice', () => {
    expect(errorText(err('server_error', 'x'), en, { retrySafe: true })).to.equal(
      'The server had a problem. Try again: nothing is sent twice.',
    );
    expect(errorText(err('timeout', 'x'), de, { retrySafe: true })).to.contain(
      'nichts wird doppelt gesendet',
    );
  });

  it('is what <invite-dialog> and <seat-billing-preview> say too (German rate limit)', async () => {
    await mock.backend.reset(scenarios.productExample);
    const root = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    provideSeatkit(root, { adapter: adapter() });
    // Every quote is refused (cleared after the test).
    mock.backend.injectFault('quote', { status: 429, retryAfter: 2 });
    root.append(document.createElement('invite-dialog'));
    const preview = document.createElement('seat-billing-preview');
    preview.change = { kind: 'invite' };
    root.append(preview);
    const invite = root.querySelector('invite-dialog')!;
    invite.show();
    const said = 'Zu viele Anfragen. Versuchen Sie es in 2 Sekunden erneut.';
    await waitUntil(() => clean(invite.shadowRoot).includes(said), 'invite-dialog', {
      timeout: 8000,
    });
    await waitUntil(() => clean(preview.shadowRoot).includes(said), 'seat-billing-preview', {
      timeout: 8000,
    });
    invite.close();
  });
});
