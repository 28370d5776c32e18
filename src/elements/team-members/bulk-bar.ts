import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer, MessageKey } from '../../i18n/index.js';
import type { Action } from '../../rules/index.js';
import type { BatchAction } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';

/** What the viewer must be allowed to do for each bulk action (the single action's permission). */
export const BULK_PERMISSION: Record<BatchAction, Action> = {
  changeRole: 'changeRole',
  resend: 'resendInvitation',
  revoke: 'revokeInvitation',
  deactivate: 'deactivateMember',
  reactivate: 'reactivateMember',
  remove: 'removeMember',
};

/** The bulk menu's order and labels. */
const BULK_ACTIONS: readonly (readonly [BatchAction, MessageKey])[] = [
  ['changeRole', 'menu.changeRole'],
  ['deactivate', 'menu.deactivate'],
  ['reactivate', 'menu.reactivate'],
  ['remove', 'bulk.remove'],
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
    ([action]) => offered[action] && store.decide(BULK_PERMISSION[action]).allowed,
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
  /** "Showing N of M" (and "Loading more…"). */
  count: TemplateResult;
  menuOpen: boolean;
  onSelectShown(): void;
  onSelectMatching(): void;
  onClear(): void;
  onMenuClick(event: MouseEvent): void;
  onMenuKeydown(event: KeyboardEvent): void;
  onMenuPreload(): void;
}

/**
 * The line above the list for someone who manages the team: the box that selects every entry
 * the filters show (checked, mixed or empty for them), the count, and once something is
 * selected, how many (with × to clear the selection), "Select all N matching" and the bulk
 * actions' menu.
 * It is always one button high, so selecting the first row moves nothing on a wide list.
 */
export function renderBulkBar(ctx: BarContext): TemplateResult {
  const { l, shown, selectedShown, selected } = ctx;
  const all = shown > 0 && selectedShown === shown;
  const hidden = selected - selectedShown;
  return html`<div class="bulk-bar" part="bulk-bar">
    <span class="check">
      <input
        type="checkbox"
        part="select-all"
        aria-label=${l.t('bulk.selectAll', { count: shown })}
        .checked=${all}
        .indeterminate=${selectedShown > 0 && !all}
        ?disabled=${shown === 0}
        @click=${ctx.onSelectShown}
      />
    </span>
    ${ctx.count}
    ${
      selected === 0
        ? nothing
        : html`<span class="bulk-selected"
              ><span part="bulk-count"
                >${l.tp('bulk.selected', selected)}
                ${hidden > 0 ? html`<span class="muted">${l.t('bulk.notShown', { count: hidden })}</span>` : nothing}</span
              ><button
                type="button"
                class="icon"
                part="bulk-clear"
                aria-label=${l.t('bulk.clear')}
                title=${l.t('bulk.clear')}
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
                    ${l.t('bulk.selectMatching', { count: shown })}
                  </button>`
                : nothing
            }
            <button
              type="button"
              part="bulk-menu-button"
              aria-haspopup="menu"
              aria-expanded=${ctx.menuOpen ? 'true' : 'false'}
              aria-controls=${ctx.menuOpen ? 'row-menu' : nothing}
              aria-label=${l.tp('bulk.actionsFor', selected)}
              @click=${ctx.onMenuClick}
              @keydown=${ctx.onMenuKeydown}
              @pointerenter=${ctx.onMenuPreload}
              @focus=${ctx.onMenuPreload}
            >
              ${l.t('bulk.actions')} <span aria-hidden="true">▾</span>
            </button>`
    }
  </div>`;
}
