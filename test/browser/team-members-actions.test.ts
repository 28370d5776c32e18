import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import type { TeamMembers } from '../../src/elements/team-members/team-members.js';
import { $, adapter, clean, mountTeam, next, pick, row } from './helpers/team.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(scenarios.productExample);
});
after(() => mock.stop());
afterEach(() => mock.backend.clearFaults());

const confirm = (el: TeamMembers) => $<HTMLButtonElement>(el, 'dialog [part~="confirm"]')!;
/** The failure as shown: in the alert, or in the row action's dialog when it stays open. */
const alertText = (el: TeamMembers) =>
  clean($(el, '[part~="alert"]')) || clean($(el, 'dialog[open] [part~="dialog-error"]'));
async function select(el: TeamMembers, name: string, value: string) {
  const s = $<HTMLSelectElement>(el, `dialog select[name="${name}"]`)!;
  s.value = value;
  s.dispatchEvent(new Event('change'));
}
async function backendMember(email: string) {
  const page = await adapter().listTeam({ limit: 200 });
  return page.items.find((e) => e.email === email);
}

describe('<team-members> change role and assign number', () => {
  it('changes a role at once and fires seatkit-role-changed', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    await pick(el, 'Priya Shah', 'changeRole');
    const supervisor = $<HTMLOptionElement>(el, 'dialog option[value="supervisor"]')!;
    expect(supervisor.disabled).to.equal(true);
    expect(clean(supervisor)).to.contain('Supervisor needs the Pro plan or above');
    await expect(el).to.be.accessible();
    await select(el, 'role', 'admin');
    const event = next(el, 'seatkit-role-changed');
    confirm(el).click();
    await waitUntil(() => clean(row(el, 'Priya Shah')).includes('Admin'), 'not shown at once');
    const done = await event;
    expect(done.member.role).to.equal('admin');
    expect(done.previousRole).to.equal('agent');
    expect((await backendMember('priya@example.com'))?.role).to.equal('admin');
    await waitUntil(() => clean($(el, '[role="status"]')).includes('Priya Shah is now Admin.'));
  });

  it('rolls a refused role change back visibly', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    mock.backend.injectFault('changeRole', { status: 500, latencyMs: 150 });
    await pick(el, 'Priya Shah', 'changeRole');
    await select(el, 'role', 'admin');
    confirm(el).click();
    await waitUntil(() => clean(row(el, 'Priya Shah')).includes('Admin'), 'not shown at once');
    await waitUntil(() => alertText(el).includes('The change was undone'), 'no rollback alert', {
      timeout: 5000,
    });
    expect(alertText(el)).to.contain('Change role failed');
    await waitUntil(() => clean(row(el, 'Priya Shah')).includes('Agent'), 'not rolled back');
    await expect(el).to.be.accessible();
  });

  it('assigns a phone number and fires seatkit-number-assigned', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    await pick(el, 'Tom Becker', 'assignNumber');
    await expect(el).to.be.accessible();
    await select(el, 'number', '+14155550103');
    const event = next(el, 'seatkit-number-assigned');
    confirm(el).click();
    expect((await event).phoneNumber.number).to.equal('+14155550103');
    await waitUntil(() => clean(row(el, 'Tom Becker')).includes('+14155550103'));
  });
});

describe('<team-members> deactivate and reactivate', () => {
  it('says what deactivation does to billing, asks the host, then deactivates', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const dialog = await pick(el, 'Tom Becker', 'deactivate');
    const preview = dialog.querySelector('seat-billing-preview')!;
    await waitUntil(() => clean(preview.shadowRoot).includes('No refund'), 'no billing text', {
      timeout: 5000,
    });
    expect(clean(preview.shadowRoot)).to.contain('$0.00').and.contain('Dec 1, 2026');
    await expect(el).to.be.accessible();
    const request = next(el, 'seatkit-deactivate-request');
    const done = next(el, 'seatkit-member-deactivated');
    confirm(el).click();
    expect((await request).member.email).to.equal('tom@example.com');
    await done;
    await waitUntil(() => clean(row(el, 'Tom Becker')).includes('Deactivated'));
  });

  it('keeps the member when the host vetoes the request', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    el.addEventListener('seatkit-deactivate-request', (e) => e.preventDefault(), { once: true });
    await pick(el, 'Tom Becker', 'deactivate');
    confirm(el).click();
    await el.updateComplete;
    expect(clean(row(el, 'Tom Becker'))).to.contain('Active');
    expect((await backendMember('tom@example.com'))?.status).to.equal('active');
  });

  it('prices a reactivation: $14.50 prorated when it adds a paid seat, $0.00 when one was freed', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const dialog = await pick(el, 'Jon Fry', 'reactivate');
    const preview = () => clean(dialog.querySelector('seat-billing-preview')!.shadowRoot);
    await waitUntil(() => preview().includes('days left'), 'no quote', { timeout: 5000 });
    expect(preview())
      .to.contain('$14.50 for the 15 days left in this cycle')
      .and.contain('$174.00');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLElement>('dialog [part~="cancel"]')!.click();
    await el.updateComplete;
    await el.store!.deactivateMember(
      el.store!.entries.find((e) => e.email === 'tom@example.com')!.id,
    );
    await pick(el, 'Jon Fry', 'reactivate');
    await waitUntil(() => preview().includes('already paid'), 'no $0 quote', { timeout: 5000 });
    expect(preview()).to.contain('$0.00');
    const done = next(el, 'seatkit-member-reactivated');
    confirm(el).click();
    expect((await done).member.status).to.equal('active');
    await waitUntil(() => clean(row(el, 'Jon Fry')).includes('Active'));
  });
});

describe('<team-members> Remove Member', () => {
  it('lists the removal impact, reassigns the numbers and removes', async () => {
    const el = await mountTeam(mock, scenarios.demo);
    const dialog = await pick(el, 'Priya Shah', 'remove');
    await waitUntil(() => dialog.querySelector('[part~="impact"]'), 'no impact', { timeout: 5000 });
    const impact = clean(dialog.querySelector('[part~="impact"]'));
    for (const text of [
      'Phone numbers +14155550101 and +14155550104 are unassigned and stay on your account.',
      '132 call recordings are kept',
      '18 SMS conversations move to the shared team inbox.',
      'Q4 renewals and Webinar follow-up',
      'Salesforce (priya@example.com)',
      'Team-level integrations are not affected.',
      'Your seat count drops at the next renewal on Dec 1, 2026; no refund.',
    ])
      expect(impact).to.contain(text);
    await expect(el).to.be.accessible();
    const groups = [
      ...dialog.querySelectorAll<HTMLOptionElement>('select[name="reassign"] option'),
    ];
    const sales = groups.find((o) => clean(o) === 'Sales')!;
    await select(el, 'reassign', sales.value);
    const request = next(el, 'seatkit-remove-request');
    const removed = next(el, 'seatkit-member-removed');
    confirm(el).click();
    expect((await request).reassignTo).to.deep.include({ type: 'ringGroup' });
    const result = (await removed).result;
    expect(result.unassignedNumbers).to.have.members(['+14155550101', '+14155550104']);
    await waitUntil(() => !row(el, 'Priya Shah'), 'row still listed');
  });

  it('brings a member back visibly when the backend refuses the removal', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    await pick(el, 'Tom Becker', 'remove');
    await waitUntil(() => confirm(el), 'no confirm', { timeout: 5000 });
    mock.backend.injectFault('removeMember', { status: 500, latencyMs: 150 });
    confirm(el).click();
    await waitUntil(() => !row(el, 'Tom Becker'), 'not removed at once');
    await waitUntil(() => alertText(el).includes('Remove Member failed'), 'no alert', {
      timeout: 5000,
    });
    await waitUntil(() => Boolean(row(el, 'Tom Becker')), 'not rolled back');
  });

  it('tells an admin the owner cannot be removed: transfer ownership first', async () => {
    const el = await mountTeam(mock, scenarios.productExample, { actor: 'marcus@example.com' });
    const dialog = await pick(el, 'Olivia Park', 'remove');
    expect(clean(dialog)).to.contain('Transfer ownership to another member first.');
    expect(confirm(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<team-members> Transfer Ownership', () => {
  it('refuses a wrong password, clears it and changes nothing', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const dialog = await pick(el, 'Marcus Lee', 'transfer');
    const password = dialog.querySelector<HTMLInputElement>('input[name="password"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(password);
    await sendKeys({ type: 'wrong one' });
    confirm(el).click();
    await waitUntil(() => dialog.querySelector('[part~="dialog-error"]'), 'no reason', {
      timeout: 5000,
    });
    expect(clean(dialog.querySelector('[part~="dialog-error"]'))).to.contain(
      'password is not right',
    );
    expect(password.value).to.equal('');
    expect(dialog.open).to.equal(true);
    expect(clean(row(el, 'Olivia Park'))).to.contain('Owner');
    await expect(el).to.be.accessible();
  });

  it('makes the member the owner and the old owner an admin', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const dialog = await pick(el, 'Marcus Lee', 'transfer');
    const password = dialog.querySelector<HTMLInputElement>('input[name="password"]')!;
    const request = next(el, 'seatkit-transfer-request');
    const done = next(el, 'seatkit-ownership-transferred');
    password.value = 'correct horse battery';
    confirm(el).click();
    await request;
    const event = await done;
    expect(event.newOwner.email).to.equal('marcus@example.com');
    expect(event.previousOwner.role).to.equal('admin');
    await waitUntil(() => !dialog.open);
    expect(password.value).to.equal('');
    await waitUntil(() => clean(row(el, 'Marcus Lee')).includes('Owner'), 'new owner not shown');
    expect(clean(row(el, 'Olivia Park'))).to.contain('Admin');
  });
});

describe('<team-members> invitations', () => {
  it('resends an expired invitation: pending again for 7 days', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    const event = next(el, 'seatkit-invitation-resent');
    await pick(el, 'sam@example.com', 'resend');
    expect((await event).invitation.status).to.equal('pending');
    await waitUntil(
      () => clean(row(el, 'sam@example.com')).includes('Pending until Nov 23, 2026'),
      clean(row(el, 'sam@example.com')),
    );
  });

  it('asks before revoking: Cancel and × keep the invitation, focus back on its ⋮', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    let requests = 0;
    el.addEventListener('seatkit-revoke-request', () => (requests += 1));
    const menuButton = () => row(el, 'lena@example.com')!.querySelector('[part~="menu-button"]');
    for (const close of ['cancel', 'close']) {
      const dialog = await pick(el, 'lena@example.com', 'revoke');
      expect(clean(dialog.querySelector('[part~="dialog-title"]'))).to.equal(
        'Revoke the invitation to lena@example.com?',
      );
      expect(el.shadowRoot!.activeElement, 'focus starts on Cancel').to.equal(
        dialog.querySelector('[part~="cancel"]'),
      );
      await expect(el).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>(`[part~="${close}"]`)!.click();
      await waitUntil(() => !dialog.open, `${close} did not close it`);
      await waitUntil(() => el.shadowRoot!.activeElement === menuButton(), 'focus not back');
    }
    expect(requests, 'nothing asked of the host').to.equal(0);
    expect(Boolean(row(el, 'lena@example.com'))).to.equal(true);
  });

  it('is complete by keyboard: Escape closes, Tab reaches Revoke, Enter revokes', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    let dialog = await pick(el, 'lena@example.com', 'revoke');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close it');
    dialog = await pick(el, 'lena@example.com', 'revoke');
    const event = next(el, 'seatkit-invitation-revoked');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(confirm(el));
    expect(clean(confirm(el))).to.equal('Revoke');
    await sendKeys({ press: 'Enter' });
    expect((await event).invitation.email).to.equal('lena@example.com');
    await waitUntil(() => !dialog.open, 'the dialog stayed open');
    await waitUntil(() => !row(el, 'lena@example.com'), 'row still listed');
  });

  it('lets the host veto a confirmed revoke, and says why a refused one failed', async () => {
    const el = await mountTeam(mock, scenarios.productExample);
    el.addEventListener('seatkit-revoke-request', (e) => e.preventDefault(), { once: true });
    let dialog = await pick(el, 'lena@example.com', 'revoke');
    confirm(el).click();
    await waitUntil(() => !dialog.open, 'a vetoed revoke left the dialog open');
    await waitUntil(() => clean($(el, '[role="status"]')).includes('cancelled by the page'));
    expect(Boolean(row(el, 'lena@example.com'))).to.equal(true);

    mock.backend.injectFault('revokeInvitation', { status: 500, times: 1 });
    dialog = await pick(el, 'lena@example.com', 'revoke');
    confirm(el).click();
    await waitUntil(() => alertText(el).includes('Revoke failed'), 'no reason', { timeout: 5000 });
    expect(dialog.open, 'the reason shows in the dialog').to.equal(true);
    await waitUntil(() => Boolean(row(el, 'lena@example.com')), 'not rolled back');
    await expect(el).to.be.accessible();
  });
});
