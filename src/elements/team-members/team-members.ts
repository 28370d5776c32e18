import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { SeatkitElement } from '../shared/seatkit-element.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SeatkitAdapter } from '../../api/adapter.js';
import { loadEnglish, localize, type Localizer } from '../../i18n/index.js';
import type { InvitationsSentEvent, InvitedEvent } from '../../events/index.js';
import { ENTRY_STATUSES, ROLES, SORT_KEYS } from '../../schemas/constants.js';
import type { TeamEntry } from '../../schemas/index.js';
import { StoreController } from '../../state/store-controller.js';
import type { TeamStore } from '../../state/store.js';
import { errorText } from '../shared/errors.js';
import { HostContextController, type Theme } from '../shared/host-context.js';
import { MenuController } from '../shared/menu-controller.js';
import { RowWindow } from '../shared/row-window.js';
import { BULK_INVITE_EXPORTS, INVITE_DIALOG_EXPORTS } from '../shared/parts.js';
import type { BulkActions, BulkHost } from './bulk-actions.js';
import { overCapacityText } from '../shared/reasons.js';
import type { DialogState, renderDialogContent } from './dialogs.js';
import type { MemberActions } from './member-actions.js';
import { renderRow } from './row.js';
import { BULK_MENU, Selection } from './selection.js';
import { managesTeam, rowActions, type RowAction, type RowActionId } from './row-actions.js';
import { styles } from './team-members.styles.js';
import { ListView, displayName, type ListQuery } from './view-model.js';

const EMPTY_QUERY: ListQuery = { search: '', role: '', status: '', sort: 'name' };
/** Placeholder rows while the team loads: more than the default maximum height shows. */
const SKELETON_ROWS = 12;
/** Holds the count's line while it has nothing to say yet. */
const NO_BREAK_SPACE = '\u00a0';

type Openable = HTMLElement & { show?: () => void; preload?: () => Promise<void> };

/**
 * @summary The team: members and invitations, with search, filters, sorting, each row's ⋮ menu
 * (change role, assign a number, deactivate/reactivate, remove, transfer ownership, resend,
 * revoke), bulk actions on selected rows, and the Invite Member / Bulk Invite dialogs.
 *
 * @attr theme - `dark` or `light` pins the colour scheme (default: the closest ancestor's `theme`, else the system setting); passed on to the dialogs it opens.
 *
 * @fires seatkit-remove-request - RemoveRequestEvent, cancelable, before a member is removed (`preventDefault()` vetoes).
 * @fires seatkit-deactivate-request - DeactivateRequestEvent, cancelable, before a member is deactivated.
 * @fires seatkit-transfer-request - TransferRequestEvent, cancelable, before ownership is transferred.
 * @fires seatkit-revoke-request - RevokeRequestEvent, cancelable, once Revoke is confirmed, before the invitation is revoked.
 * @fires seatkit-member-removed - MemberRemovedEvent, after a member was removed (`event.member`, `event.result`).
 * @fires seatkit-member-deactivated - MemberDeactivatedEvent, after a member was deactivated.
 * @fires seatkit-member-reactivated - MemberReactivatedEvent, after a member was reactivated (with the charge, if any).
 * @fires seatkit-role-changed - RoleChangedEvent, after a role changed (`event.member`, `event.previousRole`).
 * @fires seatkit-number-assigned - NumberAssignedEvent, after a phone number was assigned.
 * @fires seatkit-ownership-transferred - OwnershipTransferredEvent, after ownership moved (`event.newOwner`, `event.previousOwner`).
 * @fires seatkit-invitation-resent - InvitationResentEvent, after an invitation was sent again.
 * @fires seatkit-invitation-revoked - InvitationRevokedEvent, after an invitation was revoked.
 * @fires seatkit-bulk-request - BulkRequestEvent, cancelable, once a bulk action on the selection is confirmed, before it is sent (`event.action`, `event.ids`, `event.role`); a Retry of the failed ones fires it again.
 * @fires seatkit-bulk-completed - BulkCompletedEvent, after a bulk action (or its Retry): `event.outcomes`, each item done, refused (with `code` and `message`) or failed; `event.done`, `event.failed`.
 * @fires seatkit-invited - InvitedEvent, bubbling out of the Invite Member dialog.
 * @fires seatkit-invitations-sent - InvitationsSentEvent, bubbling out of the Bulk Invite dialog.
 *
 * @csspart base - The outer section.
 * @csspart header - The header with the title and the buttons.
 * @csspart title - The "Team" heading.
 * @csspart invite-button - The "Invite Member" button.
 * @csspart bulk-invite-button - The "Bulk Invite" button.
 * @csspart invite-blocked - Why Invite Member and Bulk Invite are disabled: more seats in use than the plan allows.
 * @csspart alert - The box that says why an action failed (only there while it has something to say).
 * @csspart loading - The list box while the team loads (placeholder rows and "Loading team…"), as high as the loaded list at its maximum.
 * @csspart error - The state shown when the team could not be loaded.
 * @csspart retry - Its "Retry" button.
 * @csspart toolbar - Search, filters and sort.
 * @csspart search - The search box (name or email).
 * @csspart role-filter - The role filter select.
 * @csspart status-filter - The status filter select.
 * @csspart sort - The sort select.
 * @csspart count - "N of M" above the list.
 * @csspart bulk-bar - The line above the list, for an owner or admin: the select-all box, the count, and once rows are selected the bulk actions.
 * @csspart select-all - The checkbox that selects every entry the filters show (mixed when some are).
 * @csspart bulk-count - "N selected" (and how many of them the filters hide).
 * @csspart bulk-select-matching - "Select all N matching": every entry of the filtered view, not only the rows in view.
 * @csspart bulk-menu-button - The "Actions" button that opens the bulk actions' menu (`menu`, `menuitem`).
 * @csspart bulk-clear - "Clear selection".
 * @csspart row-select - A row's checkbox ("Select <name>").
 * @csspart empty - The empty team, or nothing matching the filters.
 * @csspart list - The scrolling list.
 * @csspart row - One member or invitation (also `row-active`, `row-deactivated`, `row-pending`, `row-expired`, and `row-selected` while it is selected).
 * @csspart avatar - A row's initials avatar.
 * @csspart name - A row's name.
 * @csspart email - A member's email under the name.
 * @csspart role - A row's role.
 * @csspart status - A row's status (also `status-active`, `status-deactivated`, `status-pending`, `status-expired`).
 * @csspart phones - A row's phone numbers.
 * @csspart menu-button - A row's ⋮ button.
 * @csspart menu - The open row menu.
 * @csspart menuitem - One action in the row menu.
 * @csspart dialog - The native `<dialog>` of a row action (remove, deactivate, reactivate, change role, assign number, transfer, revoke), or of a bulk action.
 * @csspart bulk-dialog - The bulk action's confirmation and result (also `dialog`; its title, body, buttons and fields have the row dialogs' parts).
 * @csspart bulk-checking - "Checking what this does…" while the backend previews a bulk action.
 * @csspart bulk-summary - How many of the selection the bulk action can change (then: what it did).
 * @csspart bulk-refusals - Why the rest can't be changed, grouped by reason, with their names.
 * @csspart bulk-quote - One price for the whole bulk action (`due-now`, `next-invoice`).
 * @csspart due-now - What the bulk action charges now.
 * @csspart next-invoice - The next invoice after it, with its seats and date.
 * @csspart bulk-failed - The result's failed rows (still selected), with `bulk-failed-rows`.
 * @csspart bulk-failed-rows - The failed rows, grouped by reason.
 * @csspart bulk-refused - The result's refused rows, with `bulk-refused-rows`.
 * @csspart bulk-refused-rows - The refused rows, grouped by reason.
 * @csspart bulk-done - The result's rows that were changed.
 * @csspart bulk-retry - "Retry N failed": sends only the failed rows again (with their requests' Idempotency-Keys).
 * @csspart dialog-title - The dialog's heading.
 * @csspart close - The dialog's close (×) button.
 * @csspart dialog-body - The dialog's content.
 * @csspart dialog-error - Why the action failed, inside the dialog (e.g. a wrong password).
 * @csspart dialog-actions - The dialog's buttons.
 * @csspart confirm - The dialog's confirming button.
 * @csspart cancel - The dialog's Cancel (or Close) button.
 * @csspart impact - What removing a member (or the selected members) does (the list).
 * @csspart impact-billing - The billing line of that list.
 * @csspart refusal - Why the action is not possible (the owner cannot be removed).
 * @csspart select - A select inside a dialog (role, number, reassignment).
 * @csspart input - The password field of Transfer Ownership.
 * @csspart invite-dialog-dialog - The Invite Member dialog; every part of `<invite-dialog>` is exported as `invite-dialog-<part>` (e.g. `invite-dialog-submit`).
 * @csspart bulk-invite-dialog - The Bulk Invite dialog; every part of `<bulk-invite>` is exported as `bulk-invite-<part>` (e.g. `bulk-invite-rows`).
 *
 * @cssprop --seatkit-list-max-height - The list's maximum height: it is as high as its rows up to this, then scrolls (default 28rem).
 * @cssprop --seatkit-list-height - Older name of `--seatkit-list-max-height`, still read when that is not set.
 * @cssprop --seatkit-row-height - Height of one row in the wide layout (default 56px).
 * @cssprop --seatkit-row-height-stacked - Height of one row in the stacked layout, below 37.5em wide (default 6.5em).
 * @cssprop --seatkit-stack-gap - Space above the element when it directly follows another Seatkit element (default twice `--seatkit-spacing`).
 * @cssprop --seatkit-avatar-background - Background of the initials avatars.
 * @cssprop --seatkit-dialog-width - Width of the Invite Member dialog it opens (see `<invite-dialog>`).
 */
export class TeamMembers extends SeatkitElement {
  static override properties = {
    adapter: { attribute: false },
    theme: { type: String, reflect: true },
    query: { state: true },
    dialogState: { state: true },
    announcement: { state: true },
    alertText: { state: true },
  };
  static override styles = styles;

  /** Used when no `<seatkit-provider>` is above this element. */
  declare adapter: SeatkitAdapter | null;
  /** `dark` or `light` pins the colour scheme; unset follows the closest ancestor's `theme`, else the system. */
  declare theme: Theme | undefined;
  /** @internal Search, filters and sort of the list. */
  declare query: ListQuery;
  /** @internal */
  declare dialogState: DialogState | null;
  /** @internal */
  declare announcement: string;
  /** @internal */
  declare alertText: string;

  private readonly context = new HostContextController(this, { stacks: true });
  private readonly stores = new StoreController(this);
  private readonly menu = new MenuController(this, () =>
    this.renderRoot.querySelector('#row-menu'),
  );
  private readonly view = new ListView();
  private readonly rows = new RowWindow(this, () => this.renderRoot.querySelector('.list'));
  /**
   * What the row actions do (requests, events, their dialogs): its own chunk, loaded when a ⋮
   * menu first opens, so a page where nobody manages members never downloads it.
   */
  private actions: { run: MemberActions; renderDialog: typeof renderDialogContent } | null = null;
  private actionsLoading: Promise<NonNullable<TeamMembers['actions']>> | null = null;
  /** The rows selected for a bulk action: ids, kept apart from the few rows in the DOM. */
  private readonly selection = new Selection();
  /** The store the selection is of, and the entries it was last checked against. */
  private selectionStore: TeamStore | null = null;
  private checkedFor: readonly TeamEntry[] | null = null;
  /**
   * The selection bar's actions, their menu and confirmation: one chunk, loaded when the pointer
   * or focus reaches a checkbox (or the first row is selected), so a page where nobody selects
   * rows never downloads it.
   */
  private bulk: BulkActions | null = null;
  private bulkLoading: Promise<BulkActions> | null = null;

  constructor() {
    super();
    this.adapter = null;
    this.query = EMPTY_QUERY;
    this.dialogState = null;
    this.announcement = '';
    this.alertText = '';
  }

  get store(): TeamStore | null {
    return this.stores.store;
  }

  /**
   * The loaded entries after search, filters and sort (what the list shows).
   * @internal
   */
  get visibleEntries(): readonly TeamEntry[] {
    const store = this.store;
    return store ? this.view.apply(store.entries, this.query, localize(this).locale) : [];
  }

  /**
   * Says `text` to screen readers (polite).
   * @internal
   */
  announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  /**
   * Shows a refusal or rollback visibly (and assertively).
   * @internal
   */
  showAlert(text: string): void {
    this.alertText = text;
  }

  /** @internal The strings, money and dates in this element's language. */
  get l(): Localizer {
    return localize(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The selection holds what is still listed, of this store, for someone who may act on it
    // (not while a bulk action is on its way: its rows may be gone only until it fails).
    const store = this.store;
    if (store !== this.selectionStore || (store && !managesTeam(store))) {
      this.selectionStore = store;
      if (this.selection.size) this.selection.clear();
    }
    if (store && this.selection.size && store.entries !== this.checkedFor && !this.bulk?.busy) {
      this.checkedFor = store.entries;
      this.selection.retain((id) => store.entry(id) !== undefined);
    }
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render() {
    const l = this.l;
    const store = this.store;
    const theme = this.theme ?? this.context.inherited ?? nothing;
    const selectable = store?.status === 'ready' && managesTeam(store);
    return html`<section
      part="base"
      class=${selectable ? 'selectable' : ''}
      aria-labelledby="title"
    >
      <header part="header">
        <h2 id="title" part="title">${l.t('team.title')}</h2>
        ${this.renderHeaderActions(store, l)} ${this.renderInviteBlocked(store, l)}
      </header>
      <div role="alert" class=${this.alertText ? 'alert-region' : 'alert-region visually-hidden'}>
        ${
          this.alertText
            ? html`<div part="alert" class="error-box">
                <span>${this.alertText}</span>
                <button type="button" @click=${() => (this.alertText = '')}>
                  ${l.t('common.dismiss')}
                </button>
              </div>`
            : nothing
        }
      </div>
      ${store ? this.renderTeam(store, l) : html`<p class="state">${l.t('error.noAdapter')}</p>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderMenu(l)}
      <dialog
        part="dialog"
        aria-labelledby="dialog-title"
        @close=${this.onDialogClose}
        @cancel=${this.onDialogCancel}
      >
        <form @submit=${this.onDialogSubmit}>
          ${
            this.dialogState && store
              ? this.actions?.renderDialog(this.dialogState, {
                  l,
                  store,
                  onCancel: () => this.actions?.run.closeDialog(),
                })
              : nothing
          }
        </form>
      </dialog>
      ${this.bulk?.render() ?? nothing}
      ${
        store && managesTeam(store)
          ? html`<invite-dialog
                theme=${theme}
                exportparts=${INVITE_DIALOG_EXPORTS}
                @seatkit-invited=${this.onInvited}
              ></invite-dialog>
              <bulk-invite
                theme=${theme}
                exportparts=${BULK_INVITE_EXPORTS}
                @seatkit-invitations-sent=${this.onInvitationsSent}
              ></bulk-invite>`
          : nothing
      }
    </section>`;
  }

  /**
   * Invite Member and Bulk Invite: there (disabled) while the team loads, so the header keeps its
   * size; once it has loaded, only for someone who may invite.
   */
  private renderHeaderActions(store: TeamStore | null, l: Localizer) {
    const ready = store?.status === 'ready';
    if (!store || (ready && !store.decide('invite').allowed)) return nothing;
    const blocked = this.inviteBlocked(store, l) !== '';
    return html`<div class="header-actions">
      <button
        type="button"
        class="primary"
        part="invite-button"
        ?disabled=${!ready || blocked}
        aria-describedby=${blocked ? 'invite-blocked' : nothing}
        @pointerenter=${() => this.preloadChild('invite-dialog')}
        @focus=${() => this.preloadChild('invite-dialog')}
        @click=${() => this.openChild('invite-dialog')}
      >
        ${l.t('action.inviteMember')}
      </button>
      <button
        type="button"
        part="bulk-invite-button"
        ?disabled=${!ready || blocked}
        aria-describedby=${blocked ? 'invite-blocked' : nothing}
        @pointerenter=${() => this.preloadChild('bulk-invite')}
        @focus=${() => this.preloadChild('bulk-invite')}
        @click=${() => this.openChild('bulk-invite')}
      >
        ${l.t('action.bulkInvite')}
      </button>
    </div>`;
  }

  /**
   * Why Invite Member and Bulk Invite are disabled, or '': more seats in use than the plan allows
   * (a downgrade), and nothing new may add to the excess.
   */
  private inviteBlocked(store: TeamStore | null, l: Localizer): string {
    if (store?.status !== 'ready' || !store.decide('invite').allowed) return '';
    return overCapacityText(store.billing, l);
  }

  private renderInviteBlocked(store: TeamStore | null, l: Localizer) {
    const blocked = this.inviteBlocked(store, l);
    return blocked ? html`<p id="invite-blocked" part="invite-blocked">${blocked}</p>` : nothing;
  }

  private renderTeam(store: TeamStore, l: Localizer): TemplateResult {
    if (store.status === 'error' && store.entries.length === 0)
      return html`<div class="error-box" part="error" role="alert">
        <p>${l.t('team.error')} ${store.error ? errorText(store.error, l) : ''}</p>
        <button
          type="button"
          part="retry"
          @click=${() => void store.refresh().catch(() => undefined)}
        >
          ${l.t('action.retry')}
        </button>
      </div>`;
    if (store.status !== 'ready') return this.renderSkeleton(l);
    return html`${this.renderToolbar(l)} ${this.renderList(store, l)}`;
  }

  /**
   * While the team loads: the toolbar (disabled), the count's line, the column headings and the
   * list box at its maximum height with placeholder rows, so nothing above the list and nothing
   * inside it moves when the rows arrive (a team with fewer rows than fit makes the box shorter).
   */
  private renderSkeleton(l: Localizer): TemplateResult {
    const rows = Array.from({ length: SKELETON_ROWS }, (_, i) => i);
    return html`${this.renderToolbar(l, true)}
      <p part="count" aria-hidden="true">${NO_BREAK_SPACE}</p>
      ${this.renderColumns(l)}
      <div class="list-box skeleton" part="loading" role="status" aria-busy="true">
        <div aria-hidden="true">
          ${rows.map(
            (i) =>
              html`<div class="row">
                <span class="avatar"></span>
                <span class="who"
                  ><span class="skeleton-line" style="width:${9 - (i % 3)}em"></span
                ></span>
                <span class="role"><span class="skeleton-line" style="width:4em"></span></span>
                <span class="status"><span class="skeleton-line" style="width:5em"></span></span>
                <span class="phones"><span class="skeleton-line" style="width:6em"></span></span>
              </div>`,
          )}
        </div>
        <p class="loading-text">${l.t('team.loading')}</p>
      </div>`;
  }

  private renderColumns(l: Localizer): TemplateResult {
    return html`<div class="columns" aria-hidden="true">
      <span>${l.t('team.col.name')}</span><span>${l.t('team.col.role')}</span>
      <span>${l.t('team.col.status')}</span><span>${l.t('team.col.phones')}</span>
    </div>`;
  }

  private renderToolbar(l: Localizer, disabled = false): TemplateResult {
    const q = this.query;
    const set = (patch: Partial<ListQuery>) => {
      this.menu.close(false);
      this.query = { ...this.query, ...patch };
    };
    return html`<div part="toolbar" role="search">
      <label class="field search">
        <span>${l.t('team.search')}</span>
        <input
          type="search"
          part="search"
          ?disabled=${disabled}
          .value=${q.search}
          @input=${(e: Event) => set({ search: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>${l.t('team.filterRole')}</span>
        <select
          part="role-filter"
          ?disabled=${disabled}
          @change=${(e: Event) => set({ role: (e.target as HTMLSelectElement).value as ListQuery['role'] })}
        >
          <option value="" ?selected=${q.role === ''}>${l.t('team.allRoles')}</option>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${q.role === r}>${l.t(`role.${r}`)}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>${l.t('team.filterStatus')}</span>
        <select
          part="status-filter"
          ?disabled=${disabled}
          @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value as ListQuery['status'] })}
        >
          <option value="" ?selected=${q.status === ''}>${l.t('team.allStatuses')}</option>
          ${ENTRY_STATUSES.map((s) => html`<option value=${s} ?selected=${q.status === s}>${l.t(`status.${s}`)}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>${l.t('team.sort')}</span>
        <select
          part="sort"
          ?disabled=${disabled}
          @change=${(e: Event) => set({ sort: (e.target as HTMLSelectElement).value as ListQuery['sort'] })}
        >
          ${SORT_KEYS.map((k) => html`<option value=${k} ?selected=${q.sort === k}>${l.t(`team.sort.${k}`)}</option>`)}
        </select>
      </label>
    </div>`;
  }

  private renderList(store: TeamStore, l: Localizer): TemplateResult {
    const entries = this.visibleEntries;
    const filtered =
      this.query !== EMPTY_QUERY && (this.query.search || this.query.role || this.query.status);
    const menus = managesTeam(store);
    const countText = html`<p part="count">
      ${l.t('team.count', { shown: entries.length, total: store.entries.length })}
      ${store.complete ? nothing : l.t('team.loadingMore', { loaded: store.entries.length, total: store.total })}
    </p>`;
    const count = menus ? this.renderBar(entries, countText, l) : countText;
    if (store.entries.length === 0 && store.complete)
      return html`${count}
        <p class="state" part="empty">${l.t('team.empty')}</p>`;
    if (entries.length === 0)
      return html`${count}
        <div class="state" part="empty">
          <p>${l.t('team.noMatch')}</p>
          ${
            filtered
              ? html`<button type="button" @click=${() => (this.query = EMPTY_QUERY)}>
                  ${l.t('team.clearFilters')}
                </button>`
              : nothing
          }
        </div>`;
    const selection = this.selection;
    const ctx = {
      l,
      viewerId: store.viewer?.id ?? null,
      setSize: entries.length,
      menus,
      selected: menus ? (id: string) => selection.has(id) : null,
      onCheckClick: (index: number, e: MouseEvent) => this.onCheckClick(index, e),
      onCheckKeydown: (index: number, e: KeyboardEvent) => this.onCheckKeydown(index, e),
      onCheckIntent: this.preloadBulk,
      openMenuId: this.menu.openId,
      onMenuClick: (id: string, e: MouseEvent) => {
        this.preloadActions();
        this.menu.onTriggerClick(id, e);
      },
      onMenuKeydown: (id: string, e: KeyboardEvent) => {
        this.preloadActions();
        this.menu.onTriggerKeydown(id, e);
      },
    };
    // Only the rows in view (and a few around them) are in the DOM.
    const range = this.rows.range(entries.length);
    return html`${count} ${this.renderColumns(l)}
      <div
        part="list"
        class="list list-box"
        role="list"
        tabindex="0"
        aria-label=${l.t('team.title')}
        aria-busy=${store.complete ? 'false' : 'true'}
        @scroll=${(e: Event) => {
          const list = e.currentTarget as HTMLElement;
          this.menu.onScroll(list);
          this.rows.onScroll(list);
        }}
      >
        <div
          class="window"
          style=${range.total === null ? '' : `height:${range.total}px;padding-top:${range.before}px`}
        >
          ${repeat(
            entries.slice(range.start, range.end),
            (entry) => entry.id,
            (entry, i) => renderRow(entry, range.start + i, ctx),
          )}
        </div>
      </div>`;
  }

  private renderMenu(l: Localizer) {
    const store = this.store;
    const id = this.menu.openId;
    if (id === BULK_MENU) return (store && this.bulk?.renderMenu(l, store)) ?? nothing;
    const entry = id && store ? store.entry(id) : undefined;
    if (!store || !entry) return nothing;
    const actions = rowActions(store, entry, l);
    return html`<ul
      id="row-menu"
      role="menu"
      part="menu"
      style=${this.menuStyle()}
      aria-label=${l.t('team.menu', { name: displayName(entry) })}
      @keydown=${(e: KeyboardEvent) => this.menu.onMenuKeydown(e)}
    >
      ${
        actions.length === 0
          ? html`<li role="menuitem" tabindex="-1" aria-disabled="true">
              ${l.t('team.noActions')}
            </li>`
          : actions.map((a) => this.renderMenuItem(a, entry, l))
      }
    </ul>`;
  }

  /** Where the open menu goes: beside its button, below it or (near the bottom) above it. */
  private menuStyle(): string {
    const pos = this.menu.position;
    return `right:${pos.right}px;${pos.top !== undefined ? `top:${pos.top}px` : `bottom:${pos.bottom ?? 0}px`}`;
  }

  private renderMenuItem(action: RowAction, entry: TeamEntry, l: Localizer): TemplateResult {
    const activate = (e: Event) => {
      e.preventDefault();
      if (action.enabled) void this.runAction(action.id, entry);
    };
    const danger = action.id === 'remove' || action.id === 'revoke' || action.id === 'deactivate';
    return html`<li
      role="menuitem"
      tabindex="-1"
      class=${danger ? 'danger' : ''}
      part="menuitem"
      data-action=${action.id}
      aria-disabled=${action.enabled ? 'false' : 'true'}
      @click=${activate}
      @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ' ? activate(e) : undefined)}
    >
      <span>${l.t(action.label)}</span>
      ${
        action.enabled
          ? nothing
          : html`<span class="reason">${action.reason || l.t('assign.noNumbers')}</span>`
      }
    </li>`;
  }

  // ---- selection --------------------------------------------------------------------------

  /**
   * The line above the list for someone who manages the team: the box that selects every entry
   * the filters show (checked, mixed or empty for them) and the count; once something is
   * selected, the bulk chunk adds how many, "Select all N matching" and the Actions menu. It is
   * one button high, so selecting the first row moves nothing on a wide list.
   */
  private renderBar(
    entries: readonly TeamEntry[],
    count: TemplateResult,
    l: Localizer,
  ): TemplateResult {
    const selection = this.selection;
    const shown = entries.length;
    const selectedShown = selection.countIn(entries);
    const all = shown > 0 && selectedShown === shown;
    return html`<div class="bulk-bar" part="bulk-bar">
      <span class="check" @pointerenter=${this.preloadBulk}>
        <input
          type="checkbox"
          part="select-all"
          aria-label=${l.t('batch.selectAll', { count: shown })}
          .checked=${all}
          .indeterminate=${selectedShown > 0 && !all}
          ?disabled=${!shown}
          @click=${() => this.selectShown(!all)}
          @focus=${this.preloadBulk}
        />
      </span>
      ${count} ${(selection.size && this.bulk?.renderBar(l, shown, selectedShown)) || nothing}
    </div>`;
  }

  /**
   * Re-renders and says how many are selected now. The first selection loads the bulk chunk:
   * what the bar offers for a selection, and the actions.
   */
  private selectionChanged(): void {
    // Made from the entries listed now: nothing in it to check against them.
    this.checkedFor = this.store?.entries ?? null;
    this.requestUpdate();
    const n = this.selection.size;
    this.announce(n ? this.l.tp('batch.selected', n) : this.l.t('batch.cleared'));
    if (n) void this.loadBulk();
  }

  /** Selects (or deselects) every entry of the filtered view, rendered or not. */
  private selectShown(on: boolean): void {
    this.selection.set(
      this.visibleEntries.map((e) => e.id),
      on,
    );
    this.selectionChanged();
  }

  /** A row's checkbox was clicked (or toggled with Space): with Shift, from the anchor to it. */
  private onCheckClick(index: number, e: MouseEvent): void {
    const entries = this.visibleEntries;
    const entry = entries[index];
    if (!entry) return;
    const on = (e.currentTarget as HTMLInputElement).checked;
    if (e.shiftKey && this.selection.anchor !== null) this.selection.range(entries, index, on);
    else {
      this.selection.set([entry.id], on);
      this.selection.anchor = entry.id;
    }
    this.selectionChanged();
  }

  /**
   * ArrowUp/ArrowDown on a row's checkbox move to the next row's; with Shift they also select
   * from the anchor (the row last clicked or toggled) to it.
   */
  private onCheckKeydown(index: number, e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const entries = this.visibleEntries;
    const next = index + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= entries.length) return;
    if (e.shiftKey) {
      const selection = this.selection;
      const anchor = selection.anchor;
      if (anchor === null || !entries.some((entry) => entry.id === anchor))
        selection.anchor = entries[index]!.id;
      selection.range(entries, next, true);
      this.selectionChanged();
    }
    this.focusCheck(next);
  }

  /**
   * Focuses the checkbox of the view's row `index`, a neighbour of the focused one: the rows
   * around those in view are rendered too, and focusing it scrolls it into view.
   */
  private focusCheck(index: number): void {
    const id = this.visibleEntries[index]?.id;
    if (id !== undefined)
      this.renderRoot
        .querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] [part~="row-select"]`)
        ?.focus();
  }

  /** After the bulk dialog or a bar button: the Actions button, else the select-all box. */
  private async focusBar(): Promise<void> {
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>('[part~="bulk-menu-button"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="select-all"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="list"]')
    )?.focus();
  }

  /** The pointer or focus reached a checkbox: the bulk chunk starts downloading, so it is there when the click comes. */
  private readonly preloadBulk = (): void => void this.loadBulk(false);

  /** Loads the bulk chunk (once); null (and, if `say`, why) when it cannot be downloaded. */
  private async loadBulk(say = true): Promise<BulkActions | null> {
    this.bulkLoading ??= Promise.all([
      import('./bulk-actions.js'),
      loadEnglish('bulkActions', 'memberDialogs', 'quote'),
      this.store?.preloadChanges(),
    ]).then(([module]) => {
      this.bulk = new module.BulkActions(this.bulkHost());
      this.requestUpdate();
      return this.bulk;
    });
    try {
      return await this.bulkLoading;
    } catch {
      this.bulkLoading = null;
      if (say) this.showAlert(this.l.t('error.network'));
      return null;
    }
  }

  /** What the bulk confirmation may use of this element, and nothing more. */
  private bulkHost(): BulkHost {
    const store = () => this.store;
    const l = () => this.l;
    return {
      get store() {
        return store();
      },
      get l() {
        return l();
      },
      selection: this.selection,
      root: this.renderRoot as ShadowRoot,
      update: () => this.requestUpdate(),
      updated: () => this.updateComplete,
      dispatch: (event) => this.dispatchEvent(event),
      announce: (text) => this.announce(text),
      menu: this.menu,
      selectShown: (on) => {
        this.selectShown(on);
        // "Select all N matching" is gone once they are: focus stays on the bar.
        void this.focusBar();
      },
      selectionChanged: () => this.selectionChanged(),
      restoreFocus: () => void this.focusBar(),
    };
  }

  // ---- actions ----------------------------------------------------------------------------

  private readonly onInvited = (e: InvitedEvent): void => {
    this.announce(this.l.t('done.invited', { email: e.invitation.email }));
  };

  private readonly onInvitationsSent = (e: InvitationsSentEvent): void => {
    this.announce(this.l.tp('done.bulkInvited', e.invitations.length));
  };

  /** Starts loading the row actions as a ⋮ button is used, so choosing one does not wait. */
  private preloadActions(): void {
    void this.loadActions(false);
  }

  /**
   * Loads the row actions (once). When they cannot be downloaded (offline), resolves to null
   * and, if `say`, shows why; the next try downloads again.
   */
  private async loadActions(say = true): Promise<TeamMembers['actions']> {
    this.actionsLoading ??= Promise.all([
      // One chunk: the actions and their dialogs are always used together.
      import('./member-actions.js'),
      loadEnglish('memberDialogs'),
      // What the actions call to change the team: here before the first one runs.
      this.store?.preloadChanges(),
    ]).then(([actions]) => {
      this.actions = {
        run: new actions.MemberActions(this),
        renderDialog: actions.renderDialogContent,
      };
      return this.actions;
    });
    try {
      return await this.actionsLoading;
    } catch {
      this.actionsLoading = null;
      if (say) this.showAlert(this.l.t('error.network'));
      return null;
    }
  }

  private openChild(tag: 'invite-dialog' | 'bulk-invite'): void {
    (this.renderRoot.querySelector(tag) as Openable | null)?.show?.();
  }

  /** The pointer or focus reached a dialog's button: its content starts downloading. */
  private preloadChild(tag: 'invite-dialog' | 'bulk-invite'): void {
    void (this.renderRoot.querySelector(tag) as Openable | null)?.preload?.();
    // And what sends its invitations.
    void this.store?.preloadChanges().catch(() => undefined);
  }

  private async runAction(action: RowActionId, entry: TeamEntry): Promise<void> {
    // Resend has no dialog: focus goes back to the ⋮ button. The others open one.
    this.menu.close(action === 'resend');
    const actions = await this.loadActions();
    await actions?.run.start(action, entry);
  }

  // The row dialog is the row actions' (their chunk is loaded before one opens).
  private readonly onDialogClose = (): void => this.actions?.run.onClose();
  private readonly onDialogCancel = (e: Event): void => this.actions?.run.onCancel(e);
  private readonly onDialogSubmit = (e: SubmitEvent): void => this.actions?.run.onSubmit(e);
}

declare global {
  interface HTMLElementTagNameMap {
    'team-members': TeamMembers;
  }
}
