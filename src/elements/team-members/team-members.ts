import { html, nothing, type TemplateResult } from 'lit';
import { SeatkitElement } from '../shared/seatkit-element.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SeatkitAdapter } from '../../api/adapter.js';
import { localize, type Localizer } from '../../i18n/index.js';
import type { InvitationsSentEvent, InvitedEvent } from '../../events/index.js';
import { ENTRY_STATUSES, ROLES, SORT_KEYS } from '../../schemas/constants.js';
import type { RemovalImpact, TeamEntry } from '../../schemas/index.js';
import { StoreController } from '../../state/store-controller.js';
import type { TeamStore } from '../../state/store.js';
import { errorText } from '../shared/errors.js';
import { HostContextController, type Theme } from '../shared/host-context.js';
import { MenuController } from '../shared/menu-controller.js';
import { RowWindow } from '../shared/row-window.js';
import { BULK_INVITE_EXPORTS, INVITE_DIALOG_EXPORTS } from '../shared/parts.js';
import { overCapacityText } from '../shared/reasons.js';
import type { DialogState, MemberDialogKind, renderDialogContent } from './dialogs.js';
import type { MemberActions } from './member-actions.js';
import { renderRow } from './row.js';
import { managesTeam, rowActions, type RowAction, type RowActionId } from './row-actions.js';
import { styles } from './team-members.styles.js';
import { ListView, displayName, type ListQuery } from './view-model.js';

const DIALOG_FOR: Record<Exclude<RowActionId, 'resend' | 'revoke'>, MemberDialogKind> = {
  changeRole: 'role',
  assignNumber: 'assign',
  deactivate: 'deactivate',
  reactivate: 'reactivate',
  remove: 'remove',
  transfer: 'transfer',
};

const EMPTY_QUERY: ListQuery = { search: '', role: '', status: '', sort: 'name' };
/** Placeholder rows while the team loads: more than the default maximum height shows. */
const SKELETON_ROWS = 12;
/** Holds the count's line while it has nothing to say yet. */
const NO_BREAK_SPACE = '\u00a0';

type Openable = HTMLElement & { show?: () => void; preload?: () => Promise<void> };

/**
 * @summary The team: members and invitations, with search, filters, sorting, each row's ⋮ menu
 * (change role, assign a number, deactivate/reactivate, remove, transfer ownership, resend,
 * revoke) and the Invite Member / Bulk Invite dialogs.
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
 * @csspart empty - The empty team, or nothing matching the filters.
 * @csspart list - The scrolling list.
 * @csspart row - One member or invitation (also `row-active`, `row-deactivated`, `row-pending`, `row-expired`).
 * @csspart avatar - A row's initials avatar.
 * @csspart name - A row's name.
 * @csspart email - A member's email under the name.
 * @csspart role - A row's role.
 * @csspart status - A row's status (also `status-active`, `status-deactivated`, `status-pending`, `status-expired`).
 * @csspart phones - A row's phone numbers.
 * @csspart menu-button - A row's ⋮ button.
 * @csspart menu - The open row menu.
 * @csspart menuitem - One action in the row menu.
 * @csspart dialog - The native `<dialog>` of a row action (remove, deactivate, reactivate, change role, assign number, transfer, revoke).
 * @csspart dialog-title - The dialog's heading.
 * @csspart close - The dialog's close (×) button.
 * @csspart dialog-body - The dialog's content.
 * @csspart dialog-error - Why the action failed, inside the dialog (e.g. a wrong password).
 * @csspart dialog-actions - The dialog's buttons.
 * @csspart confirm - The dialog's confirming button.
 * @csspart cancel - The dialog's Cancel (or Close) button.
 * @csspart impact - What removing a member does (the list).
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
  /** The row whose menu led to the open dialog, to return focus to its ⋮. */
  private returnFocusId: string | null = null;

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

  // ---- rendering --------------------------------------------------------------------------

  protected override render() {
    const l = this.l;
    const store = this.store;
    const theme = this.theme ?? this.context.inherited ?? nothing;
    return html`<section part="base" aria-labelledby="title">
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
                  onCancel: () => this.closeDialog(),
                })
              : nothing
          }
        </form>
      </dialog>
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
    const count = html`<p part="count">
      ${l.t('team.count', { shown: entries.length, total: store.entries.length })}
      ${store.complete ? nothing : l.t('team.loadingMore', { loaded: store.entries.length, total: store.total })}
    </p>`;
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
    const menus = managesTeam(store);
    const ctx = {
      l,
      viewerId: store.viewer?.id ?? null,
      setSize: entries.length,
      menus,
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
    const entry = id && store ? store.entry(id) : undefined;
    if (!store || !entry) return nothing;
    const actions = rowActions(store, entry, l);
    const pos = this.menu.position;
    const style = `right:${pos.right}px;${pos.top !== undefined ? `top:${pos.top}px` : `bottom:${pos.bottom ?? 0}px`}`;
    return html`<ul
      id="row-menu"
      role="menu"
      part="menu"
      style=${style}
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
      import('./member-actions.js'),
      import('./dialogs.js'),
    ]).then(([actions, dialogs]) => {
      this.actions = {
        run: new actions.MemberActions(this),
        renderDialog: dialogs.renderDialogContent,
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
  }

  private async runAction(action: RowActionId, entry: TeamEntry): Promise<void> {
    this.returnFocusId = entry.id;
    if (entry.kind === 'invitation') {
      if (action === 'revoke') {
        this.menu.close(false);
        if (!(await this.loadActions())) return;
        await this.showDialog({ kind: 'revoke', invitation: entry, busy: false, error: '' });
        return;
      }
      this.menu.close(true);
      const actions = await this.loadActions();
      if (actions && action === 'resend') await actions.run.resend(entry);
      return;
    }
    if (action === 'resend' || action === 'revoke') return;
    this.menu.close(false);
    if (!(await this.loadActions())) return;
    await this.openDialog(DIALOG_FOR[action], entry);
  }

  private get dialogEl(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private async openDialog(
    kind: MemberDialogKind,
    member: TeamEntry & { kind: 'member' },
  ): Promise<void> {
    await this.showDialog({ kind, member, busy: false, error: '', impact: null });
    if (kind === 'remove' && member.role !== 'owner') await this.actions?.run.loadImpact(member);
  }

  private async showDialog(state: DialogState): Promise<void> {
    this.dialogState = state;
    await this.updateComplete;
    const dialog = this.dialogEl;
    dialog?.showModal();
    // Focus the first field; a dialog without one focuses Cancel, the safe choice (showModal
    // alone would pick the first button, the ×).
    const first =
      dialog?.querySelector<HTMLElement>('.dialog-body select, .dialog-body input') ??
      dialog?.querySelector<HTMLElement>('[part~="cancel"]');
    first?.focus();
  }

  /**
   * Updates the open dialog's state (ignored when it was closed meanwhile, or shows another
   * member or invitation).
   * @internal
   */
  patchDialog(
    target: { id: string },
    patch: Partial<Pick<DialogState, 'busy' | 'error'>> & { impact?: RemovalImpact },
  ): void {
    const state = this.dialogState;
    if (!state) return;
    if (state.kind === 'revoke') {
      if (state.invitation.id === target.id) this.dialogState = { ...state, ...patch };
    } else if (state.member.id === target.id) this.dialogState = { ...state, ...patch };
  }

  /** @internal Closes the row action's dialog. */
  closeDialog(): void {
    const dialog = this.dialogEl;
    if (dialog?.open) dialog.close();
    else this.onDialogClose();
  }

  private readonly onDialogCancel = (e: Event): void => {
    if (this.dialogState?.busy) e.preventDefault();
  };

  private readonly onDialogClose = (): void => {
    // `close` comes a task after close(): a dialog opened again meanwhile is not closed by it.
    if (this.dialogEl?.open) return;
    // Nothing typed (a password above all) outlives the dialog.
    this.renderRoot
      .querySelector('dialog form')
      ?.querySelectorAll('input')
      .forEach((input) => {
        input.value = '';
      });
    this.dialogState = null;
    void this.restoreFocus();
  };

  private async restoreFocus(): Promise<void> {
    await this.updateComplete;
    const id = this.returnFocusId;
    const button = id
      ? this.renderRoot.querySelector<HTMLElement>(`button[data-menu-for="${CSS.escape(id)}"]`)
      : null;
    (button ?? this.renderRoot.querySelector<HTMLElement>('[part~="list"]'))?.focus();
  }

  private readonly onDialogSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const state = this.dialogState;
    const form = e.currentTarget as HTMLFormElement;
    if (!state || state.busy) return;
    void this.actions?.run.submit(state, new FormData(form), form);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'team-members': TeamMembers;
  }
}
