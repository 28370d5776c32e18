import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  demo,
  emptyTeam,
  essentialsAtLimit,
  generateScenario,
  pro,
  productExample,
} from '../mocks/scenarios.js';
import { frame, type Frame } from './support/frame.js';
import { mockStory, signedInAs, type MockStoryOptions } from './support/mock-backend.js';
import { openOnRender, type RowOpening } from './support/open.js';
import { selectOnRender, type BulkOpening } from './support/select.js';
import { teamPageStory } from './support/team-page.js';
import { TIMEOUT, inside, loadedTeam, openDialog, rowWith, textOf } from './support/play.js';

const meta: Meta = {
  title: 'Elements/<team-members>',
  component: 'team-members',
  tags: ['autodocs'],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

interface TeamStoryOptions extends MockStoryOptions, Frame {
  /** A row's ⋮ menu or action dialog to open as soon as the team has loaded. */
  opens?: RowOpening;
  /** Rows to select, and the bulk menu, confirmation or result to open, once loaded. */
  selects?: BulkOpening;
}

/**
 * A `<team-members>` on its own story backend, framed as `options` say (language, dark page),
 * with a row's menu or dialog already open if `opens` says so.
 */
function teamStory(scenario: unknown, options: TeamStoryOptions = {}): Story {
  const mock = mockStory(scenario, options);
  return {
    ...mock.story,
    render: () =>
      frame(
        html`<team-members
          theme=${options.dark ? 'dark' : nothing}
          .adapter=${mock.adapter}
          ${openOnRender(options.opens)}
          ${selectOnRender(options.selects)}
        ></team-members>`,
        options,
      ),
  };
}

const menuButton = (name: string) => ({ name: `Actions for ${name}` });

// ---- each role's view -----------------------------------------------------------------------

/** The owner sees every action, including Transfer Ownership on an active member (menu open). */
export const OwnerView: Story = {
  ...teamStory(demo, { opens: { row: 'marcus@example.com', action: 'menu' } }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await expect(shadow.getByRole('button', { name: 'Invite Member' })).toBeVisible();
    await expect(shadow.getByRole('button', { name: 'Bulk Invite' })).toBeVisible();
    const menu = within(await shadow.findByRole('menu', undefined, TIMEOUT));
    await expect(menu.getByRole('menuitem', { name: 'Transfer Ownership' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Remove Member' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
  },
};

/** An admin manages the team but never touches the owner or transfers ownership. */
export const AdminView: Story = {
  ...teamStory(signedInAs(demo, 'marcus@example.com')),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await expect(shadow.getByRole('button', { name: 'Invite Member' })).toBeVisible();
    await userEvent.click(shadow.getByRole('button', menuButton('Priya Shah')));
    const menu = within(shadow.getByRole('menu'));
    await expect(menu.getByRole('menuitem', { name: 'Remove Member' })).toBeVisible();
    await expect(menu.queryByRole('menuitem', { name: 'Transfer Ownership' })).toBeNull();
    await userEvent.keyboard('{Escape}');
  },
};

/** A supervisor (Pro plan) sees the team directory read-only. */
export const SupervisorView: Story = {
  ...teamStory(signedInAs(pro, 'grace@example.com')),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await expect(shadow.queryByRole('button', { name: 'Invite Member' })).toBeNull();
    await expect(shadow.queryByRole('button', menuButton('Tom Becker'))).toBeNull();
  },
};

/** An agent sees the team directory read-only: no invite buttons, no row menus. */
export const AgentView: Story = {
  ...teamStory(signedInAs(demo, 'priya@example.com')),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await expect(shadow.queryByRole('button', { name: 'Invite Member' })).toBeNull();
    await expect(shadow.queryByRole('button', { name: 'Bulk Invite' })).toBeNull();
    await expect(shadow.queryByRole('button', menuButton('Tom Becker'))).toBeNull();
    await expect(rowWith(team, 'Tom Becker')).toBeTruthy();
  },
};

// ---- each plan ------------------------------------------------------------------------------

/** Essentials with all 5 seats used (4 active + 1 pending). */
export const EssentialsAtLimit: Story = teamStory(essentialsAtLimit);

/** Team plan, monthly: the worked example of the product rules. */
export const TeamPlan: Story = teamStory(productExample);

/** Pro plan, annual, with a supervisor and a pending supervisor invitation. */
export const ProPlan: Story = {
  ...teamStory(pro),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    await expect(textOf(rowWith(team, 'Grace Kim'))).toContain('Supervisor');
  },
};

// ---- sizes and invitations ------------------------------------------------------------------

/** A new account: the owner alone. */
export const EmptyTeam: Story = {
  ...teamStory(emptyTeam),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    await expect(rowWith(team, 'Olivia Park')).toBeTruthy();
    await expect(inside(team).getByRole('button', { name: 'Invite Member' })).toBeVisible();
  },
};

/** 10,000 members, fetched page by page; only the rows in view are in the DOM. */
export const TenThousandMembers: Story = {
  ...teamStory(generateScenario(10_000)),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    await waitFor(() => expect(team.store?.entries.length).toBe(10_002), { timeout: 30_000 });
    // Only what is visible is in the DOM.
    await expect(team.shadowRoot!.querySelectorAll('[role="listitem"]').length).toBeLessThan(200);
    await userEvent.type(
      inside(team).getByRole('searchbox', { name: 'Search by name or email' }),
      'pia.ito.9999',
    );
    await waitFor(() => expect(rowWith(team, 'Pia Ito 9999')).toBeTruthy(), TIMEOUT);
  },
};

/** `lena@` is pending until Nov 21; `sam@` expired (Resend is offered). */
export const PendingAndExpiredInvitations: Story = {
  ...teamStory(productExample),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    await expect(textOf(rowWith(team, 'lena@example.com'))).toContain('Pending until Nov 21, 2026');
    await expect(textOf(rowWith(team, 'sam@example.com'))).toContain('Expired');
    const shadow = inside(team);
    await userEvent.click(shadow.getByRole('button', menuButton('sam@example.com')));
    await expect(
      within(shadow.getByRole('menu')).getByRole('menuitem', { name: 'Resend' }),
    ).toBeVisible();
    await userEvent.keyboard('{Escape}');
  },
};

// ---- flows ----------------------------------------------------------------------------------

/** Invite Member → type an email → Send Invite → the invitation is in the list. */
export const InviteOneMember: Story = {
  ...teamStory(demo),
  play: async ({ canvasElement, step }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await step('open Invite Member', async () => {
      await userEvent.click(shadow.getByRole('button', { name: 'Invite Member' }));
    });
    const dialogHost = team.shadowRoot!.querySelector('invite-dialog')!;
    const dialog = within(await openDialog(dialogHost));
    await step('type the email and see the price', async () => {
      await userEvent.type(
        await dialog.findByRole('textbox', { name: 'Email' }),
        'new.agent@example.com',
      );
      await waitFor(
        () =>
          expect(textOf(dialog.getByRole('region', { name: /billing|cost|price/i }))).toContain(
            '$14.50',
          ),
        TIMEOUT,
      );
    });
    await step('Send Invite', async () => {
      await userEvent.click(dialog.getByRole('button', { name: 'Send Invite' }));
      await waitFor(
        () => expect(dialogHost.shadowRoot!.querySelector('dialog[open]')).toBeNull(),
        TIMEOUT,
      );
    });
    await step('find it in the list', async () => {
      await userEvent.type(
        shadow.getByRole('searchbox', { name: 'Search by name or email' }),
        'new.agent',
      );
      await waitFor(
        () => expect(textOf(rowWith(team, 'new.agent@example.com'))).toContain('Pending'),
        TIMEOUT,
      );
    });
  },
};

/** Change role from the row menu (open): Tom becomes an admin. */
export const ChangeRole: Story = {
  ...teamStory(demo, { opens: { row: 'tom@example.com', action: 'changeRole' } }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const dialog = within(await openDialog(team));
    await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'admin');
    await userEvent.click(dialog.getByRole('button', { name: 'Change role' }));
    await waitFor(() => expect(team.shadowRoot!.querySelector('dialog[open]')).toBeNull(), TIMEOUT);
    await waitFor(
      () =>
        expect(textOf(rowWith(team, 'Tom Becker')?.querySelector('[part~="role"]'))).toBe('Admin'),
      TIMEOUT,
    );
    // The backend agrees (not only the optimistic list).
    await waitFor(
      () =>
        expect(
          team.store?.entries.find((e) => e.kind === 'member' && e.email === 'tom@example.com')
            ?.role,
        ).toBe('admin'),
      TIMEOUT,
    );
  },
};

/** The Remove Member dialog the story opened on render, once the removal impact is in it. */
async function removal(canvasElement: HTMLElement) {
  const team = await loadedTeam(canvasElement);
  const dialogEl = await openDialog(team);
  const dialog = within(dialogEl);
  await dialog.findByText(/call recordings are kept/, undefined, TIMEOUT);
  return { team, dialog, dialogEl };
}

const removePriya: RowOpening = { row: 'priya@example.com', action: 'remove' };

/** What removing Priya does, from the backend's removal impact, before anything happens. */
export const RemovalImpact: Story = {
  ...teamStory(demo, { opens: removePriya }),
  play: async ({ canvasElement }) => {
    const { dialogEl } = await removal(canvasElement);
    const text = textOf(dialogEl);
    for (const expected of [
      '+14155550101',
      '132 call recordings are kept',
      '18 SMS conversations move to the shared team inbox',
      'Q4 renewals',
      'Salesforce (priya@example.com)',
      'next renewal on Dec 1, 2026; no refund',
    ]) {
      await expect(text).toContain(expected);
    }
  },
};

/** Remove Member after reading the impact, reassigning her numbers to the Sales ring group. */
export const RemoveMember: Story = {
  ...teamStory(demo, { opens: removePriya }),
  play: async ({ canvasElement }) => {
    const { team, dialog } = await removal(canvasElement);
    const reassign = dialog.getByRole('combobox', { name: 'Reassign the phone numbers' });
    await userEvent.selectOptions(
      reassign,
      within(reassign).getByRole('option', { name: 'Sales' }),
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Remove Member' }));
    await waitFor(() => expect(rowWith(team, 'Priya Shah')).toBeUndefined(), TIMEOUT);
    await waitFor(
      () =>
        expect(
          team.store?.phoneNumbers.find((n) => n.number === '+14155550101')?.assignee?.type,
        ).toBe('ringGroup'),
      TIMEOUT,
    );
  },
};

/** The owner can't be removed: the confirmation says to transfer ownership first. */
export const OwnerCannotBeRemoved: Story = {
  ...teamStory(signedInAs(demo, 'marcus@example.com'), {
    opens: { row: 'olivia@example.com', action: 'remove' },
  }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const dialog = within(await openDialog(team));
    await expect(dialog.getByText(/owner can.t be removed. Transfer ownership/i)).toBeVisible();
    await expect(dialog.queryByRole('button', { name: 'Remove Member' })).toBeNull();
    // The × and the button under the text both say Close: press the one under the text.
    const [, close] = dialog.getAllByRole('button', { name: 'Close' });
    await userEvent.click(close!);
  },
};

/** Transfer Ownership with a wrong password: the reason shows and nothing changes. */
export const WrongPassword: Story = {
  ...teamStory(demo, { opens: { row: 'marcus@example.com', action: 'transfer' } }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const dialog = within(await openDialog(team));
    await userEvent.type(dialog.getByLabelText('Your password'), 'not my password');
    await userEvent.click(dialog.getByRole('button', { name: 'Transfer Ownership' }));
    await waitFor(
      () => expect(textOf(dialog.getByRole('alert'))).toMatch(/password is not right/i),
      TIMEOUT,
    );
    await expect(textOf(rowWith(team, 'Olivia Park')?.querySelector('[part~="role"]'))).toBe(
      'Owner',
    );
    await expect(textOf(rowWith(team, 'Marcus Lee')?.querySelector('[part~="role"]'))).toBe(
      'Admin',
    );
  },
};

/** Revoke asks first: the invitation to lena@ goes only once the confirmation says so. */
export const RevokeInvitation: Story = {
  ...teamStory(productExample, { opens: { row: 'lena@example.com', action: 'revoke' } }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const dialogEl = await openDialog(team);
    const dialog = within(dialogEl);
    await expect(
      dialog.getByRole('heading', { name: 'Revoke the invitation to lena@example.com?' }),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible(); // the ×
    await expect(
      rowWith(team, 'lena@example.com'),
      'nothing happens before confirming',
    ).toBeTruthy();
    await userEvent.click(dialog.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(rowWith(team, 'lena@example.com')).toBeUndefined(), TIMEOUT);
    await waitFor(() => expect(dialogEl.open).toBe(false), TIMEOUT);
  },
};

// ---- bulk actions ---------------------------------------------------------------------------

/** The bulk confirmation the story opened on render, once the backend's preview is in it. */
async function bulkPreview(canvasElement: HTMLElement) {
  const team = await loadedTeam(canvasElement);
  await waitFor(
    () =>
      expect(
        team.shadowRoot!.querySelector('dialog.bulk[open] [part~="bulk-summary"]'),
      ).toBeTruthy(),
    TIMEOUT,
  );
  const dialogEl = team.shadowRoot!.querySelector<HTMLDialogElement>('dialog.bulk')!;
  return { team, dialogEl, dialog: within(dialogEl) };
}

/**
 * Three rows selected (an owner sees a checkbox on every row): the bar says how many, offers to
 * select all 14, and its Actions menu (open) what can be done to them.
 */
export const BulkSelection: Story = {
  ...teamStory(demo, {
    selects: {
      rows: ['priya@example.com', 'tom@example.com', 'sam@example.com'],
      action: 'menu',
    },
  }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await waitFor(
      () =>
        expect(textOf(team.shadowRoot!.querySelector('[part~="bulk-count"]'))).toBe('3 selected'),
      TIMEOUT,
    );
    await expect(shadow.getByRole('button', { name: 'Select all 14 matching' })).toBeVisible();
    await expect(shadow.getByRole('checkbox', { name: 'Select Priya Shah' })).toBeChecked();
    const menu = within(await shadow.findByRole('menu', undefined, TIMEOUT));
    await expect(menu.getByRole('menuitem', { name: /Deactivate\s+2 members/ })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: /Revoke\s+1 invitation/ })).toBeVisible();
    await userEvent.keyboard('{Escape}');
  },
};

/** Deactivate 3 members: all 3 can be, one quote for the batch (nothing due, the next invoice). */
export const BulkDeactivate: Story = {
  ...teamStory(demo, {
    selects: {
      rows: ['priya@example.com', 'tom@example.com', 'ana@example.com'],
      action: 'deactivate',
    },
  }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await bulkPreview(canvasElement);
    await expect(dialog.getByRole('heading', { name: 'Deactivate 3 members?' })).toBeVisible();
    await expect(textOf(dialogEl.querySelector('[part~="due-now"]'))).toBe('$0.00');
    await expect(textOf(dialogEl.querySelector('[part~="next-invoice"]'))).toBe(
      '$203.00 on Dec 1, 2026 (7 seats)',
    );
    await expect(dialog.getByRole('button', { name: 'Deactivate (3)' })).toBeEnabled();
  },
};

/** Remove 3 members: their consequences together, and where their 3 numbers go. */
export const BulkRemove: Story = {
  ...teamStory(demo, {
    selects: {
      rows: ['priya@example.com', 'tom@example.com', 'fatima@example.com'],
      action: 'remove',
    },
  }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await bulkPreview(canvasElement);
    const text = textOf(dialogEl);
    for (const expected of [
      'All 3 can be removed.',
      '189 call recordings are kept',
      '18 SMS conversations move to the shared team inbox',
      'Q4 renewals and Webinar follow-up',
    ])
      await expect(text).toContain(expected);
    await expect(
      dialog.getByRole('combobox', { name: 'Reassign the phone numbers' }),
    ).toBeVisible();
  },
};

/**
 * Change the role of 4 members to Admin: only the plan's roles are offered; the owner's role
 * can't be changed, which the confirmation says with her name.
 */
export const BulkChangeRole: Story = {
  ...teamStory(demo, {
    selects: {
      rows: ['olivia@example.com', 'tom@example.com', 'ana@example.com', 'kenji@example.com'],
      action: 'changeRole',
      role: 'admin',
    },
  }),
  play: async ({ canvasElement }) => {
    const { dialog, dialogEl } = await bulkPreview(canvasElement);
    const roles = within(dialog.getByRole('combobox', { name: 'Role' }));
    await expect(roles.queryByRole('option', { name: 'Supervisor' })).toBeNull();
    await expect(textOf(dialogEl.querySelector('[part~="bulk-summary"]'))).toContain(
      '3 of 4 can be changed.',
    );
    await expect(textOf(dialogEl.querySelector('[part~="bulk-refusals"]'))).toContain(
      'Olivia Park',
    );
  },
};

/**
 * The result of a bulk deactivation whose request failed (the story's backend drops the
 * connection): the owner refused, the others failed and still selected, with Retry.
 */
export const BulkResultWithFailure: Story = {
  ...teamStory(demo, {
    faults: [['batch', { network: true }]],
    selects: {
      rows: ['olivia@example.com', 'priya@example.com', 'tom@example.com'],
      action: 'deactivate',
      confirm: true,
    },
  }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const dialogEl = await openDialog(team);
    const dialog = within(dialogEl);
    await dialog.findByRole('button', { name: 'Retry 2 failed' }, TIMEOUT);
    await expect(textOf(dialogEl.querySelector('[part~="bulk-summary"]'))).toBe(
      '0 of 3 deactivated. 1 refused. 2 failed: they are still selected, to try again.',
    );
    await expect(textOf(team.shadowRoot!.querySelector('[part~="bulk-count"]'))).toBe('2 selected');
  },
};

// ---- with the other elements ----------------------------------------------------------------

/**
 * `<seat-billing-preview>` above `<team-members>` in one `<seatkit-provider>`, as the README
 * shows: the space between them is `--seatkit-stack-gap` (twice the spacing unit by default).
 */
export const WithBillingAbove: Story = {
  ...teamPageStory(demo),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const billing = canvasElement.querySelector('seat-billing-preview')!;
    const gap = team.getBoundingClientRect().top - billing.getBoundingClientRect().bottom;
    await expect(gap).toBe(16);
  },
};

// ---- network, theme, language ---------------------------------------------------------------

/** Every request takes 2.5 s: the loading state, then the team. */
export const SlowNetwork: Story = {
  ...teamStory(demo, { faults: [['*', { latencyMs: 2500 }]] }),
  play: async ({ canvasElement }) => {
    const team = await waitFor(() => {
      const el = canvasElement.querySelector('team-members');
      expect(el).toBeTruthy();
      return el!;
    });
    await expect(await inside(team).findByText('Loading team…')).toBeVisible();
  },
};

/** Every request answers HTTP 500: the error state with Retry. */
export const ServerError: Story = {
  ...teamStory(demo, { faults: [['*', { status: 500 }]] }),
  play: async ({ canvasElement }) => {
    const team = canvasElement.querySelector('team-members')!;
    const shadow = inside(team);
    await expect(
      await shadow.findByText(/The team could not be loaded/, undefined, TIMEOUT),
    ).toBeVisible();
    await expect(shadow.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** `theme="dark"` on a dark host page. */
export const DarkTheme: Story = teamStory(demo, { dark: true });

/** `lang="de"` on an ancestor: German strings, dates and money. */
export const German: Story = {
  ...teamStory(demo, { lang: 'de' }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    await expect(inside(team).getByRole('button', { name: 'Mitglied einladen' })).toBeVisible();
    await expect(textOf(rowWith(team, 'lena@example.com'))).toContain('Ausstehend bis');
  },
};
