// States reached outside these elements (a plan downgrade, a role the plan no longer offers) are
// valid: the backend loads them, the elements explain them, and nothing new may add to the excess
// (docs/product-rules.md, Seats and billing, Roles).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import type { InviteDialog } from '../../src/elements/invite-dialog/invite-dialog.js';
import type { SeatBillingPreview } from '../../src/elements/seat-billing-preview/seat-billing-preview.js';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';
import type { Change } from '../../src/schemas/index.js';
import { $, adapter, clean, menuItem, mountTeam, openMenu, pick, row } from './helpers/team.js';

// Mocha's globals, provided by web-test-runner (no @types/mocha in the project).
type Hook = () => Promise<void> | void;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: Hook): void;
declare function before(fn: Hook): void;
declare function after(fn: Hook): void;

const example = scenarios.productExample;

/** The worked example with all six members active, on Team: a downgrade to Essentials makes it 6 of 5. */
const sixActive = {
  ...example,
  members: example.members.map((m) => ({ ...m, status: 'active' as const })),
  invitations: [],
};

/** Essentials after a downgrade: 5 active members and a pending invitation hold 6 of 5 seats. */
const fiveAndPending = {
  ...example,
  plan: 'essentials',
  invitations: [
    { email: 'lena@example.com', role: 'agent' as const, sentAt: '2026-11-14T12:00:00Z' },
  ],
};

/** Team, with a supervisor deactivated while the account was on Pro. */
const supervisorOnTeam = {
  ...example,
  members: [
    ...example.members,
    {
      name: 'Grace Kim',
      email: 'grace@example.com',
      role: 'supervisor' as const,
      status: 'deactivated' as const,
    },
  ],
};
const GRACE = 'mem-grace-example-com';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(example);
});
after(() => mock.stop());

/** A billing preview (the summary, or the quote for `change`) once it shows an amount or a reason. */
async function billing(change: Change | null = null, lang = 'en') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <seat-billing-preview .adapter=${adapter()} .change=${change}></seat-billing-preview>
    </div>`,
  );
  const el = wrapper.querySelector<SeatBillingPreview>('seat-billing-preview')!;
  const text = () => clean(el.shadowRoot);
  await waitUntil(() => /\$|Not possible|Nicht möglich/.test(text()), 'never loaded', {
    timeout: 8000,
  });
  return { el, text };
}

const inviteButtons = (el: TeamMembers) =>
  [$(el, '[part~="invite-button"]'), $(el, '[part~="bulk-invite-button"]')] as HTMLButtonElement[];

describe('over capacity after a downgrade', () => {
  it('<seat-billing-preview> says 6 of 5 seats and how many to free to invite again', async () => {
    await mock.backend.reset(sixActive);
    await mock.backend.setPlan('essentials');
    const { el, text } = await billing();
    expect(text()).to.contain('Essentials, billed monthly').and.contain('6 of 5 seats');
    const over = el.shadowRoot!.querySelector('[part~="over-capacity"]');
    expect(clean(over)).to.equal('6 of 5 seats: remove or deactivate 2 members to invite again.');
    await expect(el).to.be.accessible();
  });

  it('counts pending invitations, and says they can be revoked', async () => {
    await mock.backend.reset(fiveAndPending);
    const { el } = await billing();
    expect(clean(el.shadowRoot!.querySelector('[part~="over-capacity"]'))).to.equal(
      '6 of 5 seats, pending invitations included: free 2 seats (remove or deactivate members, or revoke invitations) to invite again.',
    );
  });

  it('says it in German', async () => {
    await mock.backend.reset(fiveAndPending);
    const { el } = await billing(null, 'de');
    expect(clean(el.shadowRoot!.querySelector('[part~="over-capacity"]'))).to.equal(
      '6 von 5 Plätzen, offene Einladungen eingerechnet: Geben Sie 2 Plätze frei (Mitglieder entfernen oder deaktivieren oder Einladungen widerrufen), um wieder einzuladen.',
    );
  });

  it('a quote to invite is refused with the same reason and $0.00 due', async () => {
    await mock.backend.reset(sixActive);
    await mock.backend.setPlan('essentials');
    const { el, text } = await billing({ kind: 'invite' });
    expect(clean(el.shadowRoot!.querySelector('[part~="refusal"]'))).to.equal(
      'Not possible: 6 of 5 seats: remove or deactivate 2 members to invite again.',
    );
    expect(text()).to.contain('Due when accepted $0.00');
    await expect(el).to.be.accessible();
  });

  it('a quote to reactivate says how many to free before reactivating anyone', async () => {
    await mock.backend.reset({ ...example, plan: 'essentials' });
    const { el } = await billing({ kind: 'reactivate', memberId: 'mem-jon-example-com' });
    expect(clean(el.shadowRoot!.querySelector('[part~="refusal"]'))).to.equal(
      'Not possible: 6 of 5 seats, pending invitations included: free 2 seats (remove or deactivate members, or revoke invitations) before reactivating anyone.',
    );
  });

  it('<invite-dialog> opened anyway: the refusal says how many to free, Send Invite disabled', async () => {
    await mock.backend.reset(sixActive);
    await mock.backend.setPlan('essentials');
    const el = await fixture<InviteDialog>(
      html`<invite-dialog open .adapter=${adapter()}></invite-dialog>`,
    );
    await waitUntil(() => $(el, '[part~="refusal"]'), 'no refusal', { timeout: 8000 });
    expect(clean($(el, '[part~="refusal"]'))).to.equal(
      '6 of 5 seats: remove or deactivate 2 members to invite again.',
    );
    expect($<HTMLButtonElement>(el, '[part~="submit"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('<team-members>: Invite Member and Bulk Invite are disabled, with the reason', async () => {
    const el = await mountTeam(mock, sixActive);
    for (const button of inviteButtons(el)) expect(button.disabled, 'on Team').to.equal(false);
    await mock.backend.setPlan('essentials');
    await el.store!.refresh();
    await el.updateComplete;
    const reason = $(el, '[part~="invite-blocked"]')!;
    expect(clean(reason)).to.equal('6 of 5 seats: remove or deactivate 2 members to invite again.');
    for (const button of inviteButtons(el)) {
      expect(button.disabled).to.equal(true);
      expect(button.getAttribute('aria-describedby')).to.equal(reason.id);
    }
    await expect(el).to.be.accessible();
  });

  it('<team-members>: Invite Member and Bulk Invite are enabled again once seats are free', async () => {
    const el = await mountTeam(mock, { ...sixActive, plan: 'essentials' });
    for (const button of inviteButtons(el)) expect(button.disabled).to.equal(true);
    const team = adapter();
    for (const email of ['tom@example.com', 'ana@example.com']) {
      const page = await team.listTeam({ search: email });
      const m = page.items.find((e) => e.kind === 'member')!;
      await team.deactivateMember(m.id, { version: m.version });
    }
    await el.store!.refresh();
    await el.updateComplete;
    for (const button of inviteButtons(el)) expect(button.disabled).to.equal(false);
    expect($(el, '[part~="invite-blocked"]')).to.equal(null);
  });

  it('<team-members>: at exactly the limit the buttons stay enabled (the dialog explains)', async () => {
    const el = await mountTeam(mock, scenarios.essentialsAtLimit);
    for (const button of inviteButtons(el)) expect(button.disabled).to.equal(false);
  });
});

describe('a role the plan no longer offers', () => {
  it('Reactivate is disabled for a deactivated supervisor on Team, with the reason', async () => {
    const el = await mountTeam(mock, supervisorOnTeam);
    await openMenu(el, 'Grace Kim');
    const item = menuItem(el, 'reactivate')!;
    expect(item.getAttribute('aria-disabled')).to.equal('true');
    expect(clean(item)).to.equal(
      'Reactivate Supervisor needs the Pro plan or above. Change their role first.',
    );
    await expect(el).to.be.accessible();
    await openMenu(el, 'Jon Fry');
    expect(menuItem(el, 'reactivate')!.getAttribute('aria-disabled'), 'an agent').to.equal('false');
  });

  it('says why in German', async () => {
    const el = await mountTeam(mock, supervisorOnTeam, { lang: 'de' });
    await openMenu(el, 'Grace Kim');
    expect(clean(menuItem(el, 'reactivate'))).to.contain(
      'Supervisor erfordert den Tarif Pro oder höher. Ändern Sie zuerst die Rolle.',
    );
  });

  it('Reactivate is enabled once the plan offers the role again', async () => {
    const el = await mountTeam(mock, supervisorOnTeam);
    await mock.backend.setPlan('pro');
    await el.store!.refresh();
    await openMenu(el, 'Grace Kim');
    expect(menuItem(el, 'reactivate')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('downgraded after the list loaded: Reactivate is refused with the reason, and the row catches up', async () => {
    const el = await mountTeam(mock, { ...supervisorOnTeam, plan: 'pro' }, { lang: 'de' });
    await mock.backend.setPlan('team');
    await pick(el, 'Grace Kim', 'reactivate');
    $<HTMLButtonElement>(el, 'dialog [part~="confirm"]')!.click();
    await waitUntil(() => $(el, '[part~="alert"]'), 'no alert', { timeout: 5000 });
    expect(clean($(el, '[part~="alert"]'))).to.contain(
      'Supervisor erfordert den Tarif Pro oder höher. Ändern Sie zuerst die Rolle.',
    );
    expect(clean(row(el, 'Grace Kim'))).to.contain('Deaktiviert');
    await waitUntil(() => el.store?.billing?.plan.id === 'team', 'the plan never caught up', {
      timeout: 5000,
    });
    await openMenu(el, 'Grace Kim');
    expect(menuItem(el, 'reactivate')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('the quote for reactivating them is refused by the backend: the reason and $0.00 due', async () => {
    await mock.backend.reset(supervisorOnTeam);
    const quote = await adapter().quote({ kind: 'reactivate', memberId: GRACE });
    expect(quote.allowed).to.equal(false);
    expect(quote.refusal?.code).to.equal('role_not_on_plan');
    expect(quote.dueNow).to.equal(0);
    const { el, text } = await billing({ kind: 'reactivate', memberId: GRACE });
    expect(clean(el.shadowRoot!.querySelector('[part~="refusal"]'))).to.equal(
      'Not possible: Supervisor needs the Pro plan or above. Change their role first.',
    );
    expect(text()).to.contain('Due now $0.00');
    await expect(el).to.be.accessible();
  });
});
