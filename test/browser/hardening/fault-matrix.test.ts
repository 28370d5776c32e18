// The fault matrix of <team-members>' row actions: every mutation × network failure, 500, 409,
// 412, 422, 429 (Retry-After). For each: the user sees a specific message, a retry after the fault
// applies the change exactly once, and the list shows the backend's truth afterwards. Hostile names
// render as text in the list and the dialogs.
import { expect, waitUntil } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.ts';
import type { Fault } from '../../../mocks/backend.ts';
import type { OperationId } from '../../../src/api/routes.ts';
import type { TeamMembers } from '../../../src/elements/team-members/team-members.ts';
import { $, $$, adapter, clean, mountTeam, pick, row } from '../helpers/team.ts';

const person = (name: string, email: string, role: string, status = 'active') => ({
  name,
  email,
  role,
  status,
});
const scenario = {
  plan: 'team',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: 'correct horse battery',
  members: [
    person('Olivia Park', 'olivia@example.com', 'owner'),
    person('Marcus Lee', 'marcus@example.com', 'admin'),
    person('Tom Becker', 'tom@example.com', 'agent'),
    person('Jon Fry', 'jon@example.com', 'agent', 'deactivated'),
  ],
  invitations: [{ email: 'lena@example.com', role: 'agent', sentAt: '2026-11-14T12:00:00Z' }],
  phoneNumbers: ['+14155550100'],
  ringGroups: ['Support'],
};

let mock: BrowserMock;
let faults = 0;
before(async () => {
  mock = await startBrowserMock(scenario);
});
after(() => {
  mock.stop();
  console.log(`[hardening:fault-matrix] ${faults} faults injected`);
});
afterEach(() => mock.backend.clearFaults());

interface Action {
  name: string;
  operation: OperationId;
  rowText: string;
  action: string;
  /** Chooses in the dialog (if any) before confirming. */
  choose?: (el: TeamMembers) => void;
  /** True once the backend shows the change. */
  done: () => Promise<boolean>;
  /** What the row must say once it is done. */
  shows: RegExp;
}

async function entry(email: string) {
  const page = await adapter().listTeam({ limit: 200 });
  return page.items.find((e) => e.email === email);
}

const ACTIONS: Action[] = [
  {
    name: 'deactivate',
    operation: 'deactivateMember',
    rowText: 'Tom Becker',
    action: 'deactivate',
    done: async () => (await entry('tom@example.com'))?.status === 'deactivated',
    shows: /deactivated/i,
  },
  {
    name: 'reactivate',
    operation: 'reactivateMember',
    rowText: 'Jon Fry',
    action: 'reactivate',
    done: async () => (await entry('jon@example.com'))?.status === 'active',
    shows: /active/i,
  },
  {
    name: 'change role',
    operation: 'changeRole',
    rowText: 'Tom Becker',
    action: 'changeRole',
    choose: (el) => {
      const select = $<HTMLSelectElement>(el, 'dialog select[name="role"]')!;
      select.value = 'admin';
      select.dispatchEvent(new Event('change'));
    },
    done: async () => (await entry('tom@example.com'))?.role === 'admin',
    shows: /admin/i,
  },
];

const FAULTS: { name: string; fault: Fault }[] = [
  { name: 'network failure', fault: { network: true } },
  { name: '500', fault: { status: 500 } },
  { name: '409', fault: { status: 409 } },
  { name: '412', fault: { status: 412 } },
  { name: '422', fault: { status: 422 } },
  { name: '429 with Retry-After', fault: { status: 429, retryAfter: 1 } },
];

const confirm = (el: TeamMembers) => $<HTMLButtonElement>(el, 'dialog [part~="confirm"]');
const message = (el: TeamMembers) =>
  [clean($(el, '[part~="alert"]')), clean($(el, 'dialog [part~="dialog-error"]'))]
    .filter(Boolean)
    .join(' ');

async function perform(el: TeamMembers, a: Action): Promise<void> {
  const dialog = await pick(el, a.rowText, a.action);
  a.choose?.(el);
  if (dialog.open) confirm(el)?.click();
}

describe('fault matrix: <team-members> row actions', () => {
  for (const a of ACTIONS) {
    for (const f of FAULTS) {
      it(`${a.name} × ${f.name}: a specific message, one change after a retry, the truth shown`, async () => {
        const el = await mountTeam(mock, scenario);
        const before = JSON.stringify(mock.backend.snapshot());
        mock.backend.injectFault(a.operation, { ...f.fault, times: 1 });
        faults++;
        await perform(el, a);
        await waitUntil(() => message(el).length > 0, 'no message for the failure', {
          timeout: 5000,
        });
        const said = message(el);
        // Names what failed, in words, and never a raw value.
        expect(said.toLowerCase()).to.contain(`${a.name} failed`);
        expect(said).not.to.match(/undefined|\[object|null/);
        expect(JSON.stringify(mock.backend.snapshot()), 'the fault changed nothing').to.equal(
          before,
        );
        // Retry: the dialog may still be open (what was chosen kept) or be opened again.
        const dialog = $<HTMLDialogElement>(el, 'dialog');
        if (dialog?.open && confirm(el) && !confirm(el)!.disabled) confirm(el)!.click();
        else await perform(el, a);
        await waitUntil(a.done, 'the retry never applied the change', { timeout: 5000 });
        await waitUntil(() => a.shows.test(clean(row(el, a.rowText))), 'the list shows the truth', {
          timeout: 5000,
        });
        // Exactly one change: no second membership, no second charge.
        expect(mock.backend.charges().length).to.be.at.most(1);
        const page = await adapter().listTeam({ limit: 200 });
        expect(page.items.length).to.equal(5);
      });
    }
  }
});

describe('a 429 says when to try again', () => {
  // Found by the matrix above: the alert used to show the server's detail and never said how
  // long to wait, though the SeatkitError carries retryAfter.
  it('deactivate × 429: the alert says to wait 3 seconds', async () => {
    const el = await mountTeam(mock, scenario);
    mock.backend.injectFault('deactivateMember', { status: 429, retryAfter: 3, times: 1 });
    await perform(el, ACTIONS[0]!);
    await waitUntil(() => message(el).length > 0);
    expect(message(el)).to.match(/3 ?s|3 seconds/);
  });
});

describe('hostile names render as text', () => {
  const PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '"><svg onload="window.__pwned=1">',
  ];
  it('in the list and in the dialogs: the payload is textContent, no element made from it', async () => {
    const hostile = {
      ...scenario,
      members: [
        ...scenario.members,
        ...PAYLOADS.map((name, i) => person(name, `p${i}@example.com`, 'agent')),
      ],
      ringGroups: PAYLOADS.map((name, i) => `${name} ${i}`),
    };
    const el = await mountTeam(mock, hostile);
    await waitUntil(() => PAYLOADS.every((p) => row(el, p)), 'hostile rows not listed', {
      timeout: 5000,
    });
    const made = () =>
      $$(el, 'img, script, svg[onload], iframe').filter(
        (n) => ['x', ''].includes(n.getAttribute('src') ?? '') || n.hasAttribute('onload'),
      );
    expect(made().length).to.equal(0);
    await pick(el, PAYLOADS[0]!, 'remove');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(clean(dialog)).to.contain(PAYLOADS[0]);
    expect(made().length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
