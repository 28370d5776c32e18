import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { emptyTeam, essentialsAtLimit, pro, productExample } from '../mocks/scenarios.js';
import type { SeatkitAdapter } from '../src/api/adapter.js';
import type { Change } from '../src/schemas/index.js';
import { frame, type Frame } from './support/frame.js';
import { mockStory, type MockStoryOptions } from './support/mock-backend.js';
import { teamPageStory } from './support/team-page.js';
import { TIMEOUT, findDeep, inside, loadedTeam, rowWith, textOf } from './support/play.js';

const meta: Meta = {
  title: 'Elements/<seat-billing-preview>',
  component: 'seat-billing-preview',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

/** A `<seat-billing-preview>` (summary, or a quote for `change`) on its own story backend. */
function billingStory(
  scenario: unknown,
  options: MockStoryOptions & Frame & { change?: Change } = {},
): Story {
  const mock = mockStory(scenario, options);
  return {
    ...mock.story,
    render: () =>
      frame(
        html`<seat-billing-preview
          heading
          theme=${options.dark ? 'dark' : nothing}
          .change=${options.change ?? null}
          .adapter=${mock.adapter}
          style="max-width:32rem"
        ></seat-billing-preview>`,
        options,
      ),
  };
}

/** Waits until the preview's text contains every one of `expected`. */
async function shows(canvasElement: HTMLElement, ...expected: string[]) {
  const el = await findDeep(canvasElement, 'seat-billing-preview');
  await waitFor(() => {
    const text = textOf(el.shadowRoot);
    for (const part of expected) expect(text).toContain(part);
  }, TIMEOUT);
}

// ---- the summary, per plan ------------------------------------------------------------------

/** Team, monthly: 5 active seats, next invoice 5 × $29. */
export const TeamPlan: Story = {
  ...billingStory(productExample),
  play: ({ canvasElement }) =>
    shows(canvasElement, 'Team, billed monthly', '5 seats (no limit)', '$145.00 on Dec 1, 2026'),
};

/** Essentials at its limit: "4 of 5 seats", and no seat left with the pending invitation. */
export const EssentialsAtLimit: Story = {
  ...billingStory(essentialsAtLimit),
  play: ({ canvasElement }) => shows(canvasElement, '4 of 5 seats', 'No seats left'),
};

/** Pro, annual. */
export const ProPlan: Story = {
  ...billingStory(pro),
  play: ({ canvasElement }) => shows(canvasElement, 'Pro, billed annually'),
};

// ---- the worked examples of the product rules -----------------------------------------------

/** Team, 5 active, day 15 of 30: a 6th member costs $14.50 on acceptance; next invoice $174.00. */
export const InviteSixthMember: Story = {
  ...billingStory(productExample, { change: { kind: 'invite' } }),
  play: ({ canvasElement }) =>
    shows(
      canvasElement,
      '$14.50',
      '$14.50 for the 15 days left in this cycle',
      '$174.00 on Dec 1, 2026 (6 seats)',
    ),
};

/** 1 active member is billed for the 2-seat minimum: the 2nd costs $0.00. */
export const SecondSeatIsFree: Story = {
  ...billingStory(emptyTeam, { change: { kind: 'invite' } }),
  play: ({ canvasElement }) =>
    shows(canvasElement, '$0.00', 'No charge: the seat is already paid for this cycle.'),
};

/** One of 6 members removed on day 10; a new member accepting on day 20 costs $0.00. */
const sixActive = {
  ...productExample,
  now: '2026-11-10T09:30:00Z',
  members: productExample.members.map((m) => ({ ...m, status: 'active' as const })),
  invitations: [],
};
async function removeOnDay10ThenDay20(
  backend: { clock: { set(date: string): void } },
  adapter: SeatkitAdapter,
) {
  const page = await adapter.listTeam({ search: 'tom@example.com' });
  const tom = page.items.find(
    (entry) => entry.kind === 'member' && entry.email === 'tom@example.com',
  );
  if (!tom || tom.kind !== 'member') throw new Error('Tom is not in the scenario');
  await adapter.removeMember(tom.id, { version: tom.version });
  await backend.clock.set('2026-11-20T09:30:00Z');
}
export const RemoveThenAccept: Story = {
  ...billingStory(sixActive, { change: { kind: 'invite' }, setup: removeOnDay10ThenDay20 }),
  play: ({ canvasElement }) =>
    shows(canvasElement, '$0.00', 'already paid', '$174.00 on Dec 1, 2026 (6 seats)'),
};

/** Reactivating Jon in a full cycle is like adding a seat: prorated like an invitation. */
export const ReactivateMember: Story = {
  ...billingStory(productExample, {
    change: { kind: 'reactivate', memberId: 'mem-jon-example-com' },
  }),
  play: ({ canvasElement }) => shows(canvasElement, 'Due now', '$14.50'),
};

// ---- states reached outside these elements (a downgrade) ------------------------------------

/** The worked example with all six members active: on Team, then downgraded to Essentials (max 5). */
const sixActiveOnTeam = {
  ...productExample,
  members: productExample.members.map((m) => ({ ...m, status: 'active' as const })),
  invitations: [],
};
const downgrade: MockStoryOptions['setup'] = (backend) => backend.setPlan('essentials');

/** Essentials after a downgrade, with a pending invitation: 5 active + 1 pending of 5 seats. */
const fiveAndPendingOnEssentials = { ...productExample, plan: 'essentials' };

/** Team, with a supervisor deactivated while the account was on Pro. */
const supervisorOnTeam = {
  ...productExample,
  members: [
    ...productExample.members,
    {
      name: 'Grace Kim',
      email: 'grace@example.com',
      role: 'supervisor' as const,
      status: 'deactivated' as const,
    },
  ],
};

/** Downgraded to Essentials with 6 active members: 6 of 5 seats, and how many to free to invite again. */
export const OverCapacityAfterDowngrade: Story = {
  ...billingStory(sixActiveOnTeam, { setup: downgrade }),
  play: ({ canvasElement }) =>
    shows(
      canvasElement,
      'Essentials, billed monthly',
      '6 of 5 seats: remove or deactivate 2 members to invite again.',
    ),
};

/** Pending invitations count toward the limit too, and can be revoked to free seats. */
export const OverCapacityWithPendingInvitation: Story = {
  ...billingStory(fiveAndPendingOnEssentials),
  play: ({ canvasElement }) =>
    shows(canvasElement, '6 of 5 seats, pending invitations included: free 2 seats'),
};

/** Over the limit, inviting is refused with the same reason, and nothing is due. */
export const OverCapacityInviteRefused: Story = {
  ...billingStory(sixActiveOnTeam, { setup: downgrade, change: { kind: 'invite' } }),
  play: ({ canvasElement }) =>
    shows(
      canvasElement,
      'Not possible: 6 of 5 seats: remove or deactivate 2 members to invite again.',
      '$0.00',
    ),
};

/** Reactivating a supervisor on Team is refused by the backend: the reason, and $0.00 due. */
export const ReactivateRoleNotOnPlan: Story = {
  ...billingStory(supervisorOnTeam, {
    change: { kind: 'reactivate', memberId: 'mem-grace-example-com' },
  }),
  play: ({ canvasElement }) =>
    shows(
      canvasElement,
      'Supervisor needs the Pro plan or above. Change their role first.',
      '$0.00',
    ),
};

/** In a team page over the limit: Invite Member and Bulk Invite are disabled, with the reason. */
export const OverCapacityTeamPage: Story = {
  ...teamPageStory(sixActiveOnTeam, { setup: downgrade }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    const shadow = inside(team);
    await expect(shadow.getByRole('button', { name: 'Invite Member' })).toBeDisabled();
    await expect(shadow.getByRole('button', { name: 'Bulk Invite' })).toBeDisabled();
    await expect(textOf(team.shadowRoot)).toContain(
      '6 of 5 seats: remove or deactivate 2 members to invite again.',
    );
  },
};

/** In a team page on Team: the deactivated supervisor's Reactivate is disabled, with the reason. */
export const ReactivateRoleNotOnPlanTeamPage: Story = {
  ...teamPageStory(supervisorOnTeam, { opens: { row: 'grace@example.com', action: 'menu' } }),
  play: async ({ canvasElement }) => {
    const team = await loadedTeam(canvasElement);
    await waitFor(() => expect(rowWith(team, 'Grace Kim')).toBeTruthy(), TIMEOUT);
    await inside(team).findByRole('menu', undefined, TIMEOUT);
    const reactivate = team.shadowRoot!.querySelector('#row-menu [data-action="reactivate"]');
    await expect(reactivate).toHaveAttribute('aria-disabled', 'true');
    await expect(textOf(reactivate)).toContain(
      'Supervisor needs the Pro plan or above. Change their role first.',
    );
  },
};

// ---- network, theme, language ---------------------------------------------------------------

/** Every request takes 2.5 s. */
export const SlowNetwork: Story = {
  ...billingStory(productExample, { faults: [['*', { latencyMs: 2500 }]] }),
  play: ({ canvasElement }) => shows(canvasElement, 'Loading billing…'),
};

/** Every request answers HTTP 500: the reason and Retry. */
export const ServerError: Story = {
  ...billingStory(productExample, { faults: [['*', { status: 500 }]] }),
  play: ({ canvasElement }) => shows(canvasElement, 'Billing could not be loaded.', 'Retry'),
};

/** `theme="dark"` on a dark host page. */
export const DarkTheme: Story = billingStory(productExample, {
  dark: true,
  change: { kind: 'invite' },
});

/** `lang="de"`: German words, dates and number format. */
export const German: Story = {
  ...billingStory(productExample, { lang: 'de', change: { kind: 'invite' } }),
  play: ({ canvasElement }) => shows(canvasElement, '14,50', '174,00'),
};
