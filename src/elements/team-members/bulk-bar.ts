import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer, MessageKey } from '../../i18n/index.js';
import { BATCH_ACTION_PERMISSION } from '../../rules/permissions.js';
import type { BatchAction } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import type { MenuPosition } from '../shared/menu-controller.js';
import type { Selection } from './selection.js';

/** The bulk menu's order and labels. */
const BULK_ACTIONS: readonly (readonly [BatchAction, MessageKey])[] = [
  ['changeRole', 'menu.changeRole'],
  ['deactivate', 'menu.deactivate'],
  ['reactivate', 'menu.reactivate'],
  ['remove', 'batch.remove'],
  ['resend', 'menu.resend'],
  ['revoke', 'menu.revoke'],
];

export const bulkLabel = (action: BatchAction): MessageKey =>
  BULK_ACTIONS.find(([a]) => a === action)![1];

/** One action of the bulk menu: the selected entries it applies to, and the others. */
export interface BulkChoice {
  action: BatchAction;
  label: MessageKey;
  /** The selected entries of the action's kind (members, or invitations), in selection order. */
  targets: string[];
  /** Selected entries of the other kind, which the action leaves alone. */
  skipped: number;
}

/**
 * The bulk actions on `selected` the viewer may take: member actions apply to the selected
 * members, invitation actions to the selected invitations. Deactivate is offered when a selected
 * member is active, Reactivate when one is deactivated; each member's own rules (the owner,
 * oneself, the plan's seats) are the backend's to decide, in the confirmation's preview.
 */
export function bulkChoices(store: TeamStore, selected: readonly string[]): BulkChoice[] {
  const members: string[] = [];
  const invitations: string[] = [];
  let active = 0;
  for (const id of selected) {
    const entry = store.entry(id);
    if (entry?.kind === 'member') {
      members.push(id);
      if (entry.status === 'active') active++;
    } else if (entry) invitations.push(id);
  }
  const offered: Record<BatchAction, boolean> = {
    changeRole: members.length > 0,
    deactivate: active > 0,
    reactivate: active < members.length,
    remove: members.length > 0,
    resend: invitations.length > 0,
    revoke: invitations.length > 0,
  };
  return BULK_ACTIONS.filter(
    ([action]) => offered[action] && store.decide(BATCH_ACTION_PERMISSION[action]).allowed,
  ).map(([action, label]) => {
    const forMembers = action !== 'resend' && action !== 'revoke';
    return {
      action,
      label,
      targets: forMembers ? members : invitations,
      skipped: forMembers ? invitations.length : members.length,
    };
  });
}

export interface BarContext {
  l: Localizer;
  /** Entries in the filtered view, and how many of them are selected. */
  shown: number;
  selectedShown: number;
  /** Every selected entry, shown or not. */
  selected: number;
  menuOpen: boolean;
  onSelectMatching(): void;
  onClear(): void;
  onMenuClick(event: MouseEvent): void;
  onMenuKeydown(event: KeyboardEvent): void;
}

/**
 * The selection bar's part for a selection (its select-all box and count are the list's): how
 * many are selected (with × to clear them), "Select all N matching" while the filtered view has
 * more, and the Actions button of the bulk menu.
 */
export function renderBulkBar(ctx: BarContext): TemplateResult {
  const { l, shown, selectedShown, selected } = ctx;
  const hidden = selected - selectedShown;
  return html`<span class="bulk-selected"
      ><span part="bulk-count"
        >${l.tp('batch.selected', selected)}
        ${hidden > 0 ? html`<span class="muted">${l.t('batch.notShown', { count: hidden })}</span>` : nothing}</span
      ><button
        type="button"
        class="icon"
        part="bulk-clear"
        aria-label=${l.t('batch.clear')}
        title=${l.t('batch.clear')}
        @click=${ctx.onClear}
      >
        ×
      </button></span
    >
    ${
      selectedShown < shown
        ? html`<button
            type="button"
            class="link"
            part="bulk-select-matching"
            @click=${ctx.onSelectMatching}
          >
            ${l.t('batch.selectMatching', { count: shown })}
          </button>`
        : nothing
    }
    <button
      type="button"
      part="bulk-menu-button"
      aria-haspopup="menu"
      aria-expanded=${ctx.menuOpen ? 'true' : 'false'}
      aria-controls=${ctx.menuOpen ? 'row-menu' : nothing}
      aria-label=${l.tp('batch.actionsFor', selected)}
      @click=${ctx.onMenuClick}
      @keydown=${ctx.onMenuKeydown}
    >
      ${l.t('batch.actions')} <span aria-hidden="true">▾</span>
    </button>`;
}

export interface MenuContext {
  l: Localizer;
  store: TeamStore;
  selection: Selection;
  /** The Actions button, and where the list's menu controller would put the menu. */
  trigger: HTMLElement | null;
  position: MenuPosition;
  onKeydown(event: KeyboardEvent): void;
  onPick(choice: BulkChoice): void;
}

/**
 * Opens from its button's left edge (the button may sit at the left of a wrapped bar, where a
 * menu aligned to its right edge would leave the window), or from its right edge when there is no
 * room to the right.
 */
function menuStyle({ trigger, position }: MenuContext): string {
  const vertical =
    position.top !== undefined ? `top:${position.top}px` : `bottom:${position.bottom ?? 0}px`;
  const left = trigger?.getBoundingClientRect().left ?? 0;
  const room = window.innerWidth - left - 8;
  return room < 240
    ? `right:${position.right}px;${vertical}`
    : `left:${left}px;max-width:min(20rem,${room}px);${vertical}`;
}

/** The choices of the last selection and team they were made for (the menu renders often). */
let last: { version: number; entries: readonly unknown[]; choices: BulkChoice[] } | null = null;

/** The bulk menu: each action the viewer may take on the selection, and how many it applies to. */
export function renderBulkMenu(ctx: MenuContext): TemplateResult {
  const { l, store, selection } = ctx;
  if (last?.version !== selection.version || last.entries !== store.entries)
    last = {
      version: selection.version,
      entries: store.entries,
      choices: bulkChoices(store, selection.list()),
    };
  const { choices } = last;
  return html`<ul
    id="row-menu"
    role="menu"
    part="menu"
    style=${menuStyle(ctx)}
    aria-label=${l.tp('batch.actionsFor', selection.size)}
    @keydown=${ctx.onKeydown}
  >
    ${
      choices.length === 0
        ? html`<li role="menuitem" tabindex="-1" aria-disabled="true">${l.t('team.noActions')}</li>`
        : nothing
    }
    ${choices.map((choice) => {
      const pick = (e: Event) => {
        e.preventDefault();
        ctx.onPick(choice);
      };
      const forInvitations = choice.action === 'resend' || choice.action === 'revoke';
      return html`<li
        role="menuitem"
        tabindex="-1"
        class=${choice.action === 'remove' || choice.action === 'revoke' ? 'danger' : ''}
        part="menuitem"
        data-bulk-action=${choice.action}
        @click=${pick}
        @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ' ? pick(e) : undefined)}
      >
        <span>${l.t(choice.label)}</span>
        <span class="applies"
          >${l.tp(forInvitations ? 'batch.invitations' : 'batch.members', choice.targets.length)}</span
        >
      </li>`;
    })}
  </ul>`;
}
