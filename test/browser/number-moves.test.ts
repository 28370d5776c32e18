// A phone number that rings someone moves to an invitee only when the dialog showed the move and
// the inviter confirmed it; the owner's numbers only when the owner invites (PRODUCT.md,
// "Decisions added on 2026-12-01"). The dialog and the bulk preview decide with the same rules
// function as the backend, on the store's snapshot.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import { scenarios } from '../../mocks/scenarios.js';
import type { BulkInvite } from '../../src/elements/bulk-invite/bulk-invite.js';
import { TeamStore } from '../../src/state/store.js';
import { adapter, clean } from './helpers/team.js';

// Mocha's globals, provided by web-test-runner (no @types/mocha in the project).
type Hook = () => Promise<void> | void;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: Hook): void;
declare function before(fn: Hook): void;
declare function after(fn: Hook): void;

const PRIYA = '+14155550101';
const OWNER = '+14155550100';
const FREE = '+14155550103';
const SALES = '+14155550104';

/** The worked example, with one more number that rings the Sales ring group. */
const example = {
  ...scenarios.productExample,
  phoneNumbers: [...scenarios.productExample.phoneNumbers, SALES],
  ringGroups: [{ name: 'Sales', phoneNumbers: [SALES] }, 'Support'],
};

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock(example);
});
after(() => mock.stop());

const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element, selector: string): string => clean($(el, selector));

describe('the store’s snapshot for the rules', () => {
  const cases = [
    { actor: 'olivia@example.com', viewerIsOwner: true },
    { actor: 'marcus@example.com', viewerIsOwner: false },
  ];
  for (const { actor, viewerIsOwner } of cases) {
    it(`says who each number rings and whether the viewer is the owner (${actor})`, async () => {
      await mock.backend.reset(example);
      await mock.backend.setActor(actor);
      const store = new TeamStore(adapter());
      await store.load();
      const snapshot = store.teamSnapshot();
      expect(snapshot.viewerIsOwner).to.equal(viewerIsOwner);
      expect(Object.fromEntries(snapshot.numberHolders ?? [])).to.deep.equal({
        [OWNER]: { name: 'Olivia Park', owner: true },
        [PRIYA]: { name: 'Priya Shah', owner: false },
        [SALES]: { name: 'Sales', owner: false },
      });
    });
  }
});

describe('<bulk-invite>: a row with a number in use', () => {
  it('gets the rules’ number_in_use, shown with its row number', async () => {
    await mock.backend.reset(example);
    const el = await fixture<BulkInvite>(html`<bulk-invite .adapter=${adapter()}></bulk-invite>`);
    el.show();
    await waitUntil(() => $(el, '#file'), 'the team never loaded', { timeout: 8000 });
    const csv = `email,role,phone_number\nada@example.com,agent,${PRIYA}\nben@example.com,agent,${FREE}\n`;
    await el.loadFile(new File([csv], 'team.csv', { type: 'text/csv' }));
    await waitUntil(() => $(el, '[data-row="3"]'), 'never checked', { timeout: 15000 });
    expect(text(el, '[part~="summary"]')).to.equal('1 ready, 1 with problems');
    const row = $(el, '[data-row="2"]')!;
    expect(row.getAttribute('data-status')).to.equal('problem');
    expect(clean(row))
      .to.contain('Row 2')
      .and.contain(`${PRIYA} rings Priya Shah. A bulk invite takes unassigned numbers only.`);
    expect($(el, '[data-row="3"]')!.getAttribute('data-status')).to.equal('ready');
  });
});
