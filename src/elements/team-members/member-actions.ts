import type {
  Assignee,
  Invitation,
  Member,
  RemovalImpact,
  Role,
  TeamEntry,
} from '../../schemas/index.js';
import {
  DeactivateRequestEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  MemberDeactivatedEvent,
  MemberReactivatedEvent,
  MemberRemovedEvent,
  NumberAssignedEvent,
  OwnershipTransferredEvent,
  RemoveRequestEvent,
  RevokeRequestEvent,
  RoleChangedEvent,
  TransferRequestEvent,
} from '../../events/index.js';
import type { Localizer, MessageKey } from '../../i18n/index.js';
import type { TeamStore } from '../../state/store.js';
import { errorText } from '../shared/errors.js';
import { reactivateRoleText } from '../shared/reasons.js';
import { dialogTarget, type DialogState, type MemberDialogKind } from './dialogs.js';
import type { RowActionId } from './row-actions.js';

/** The dialogs' content, loaded in this chunk with the actions that open them. */
export { renderDialogContent } from './dialogs.js';
import type { TeamMembers } from './team-members.js';
import { displayName } from './view-model.js';

function parseAssignee(value: FormDataEntryValue | null): Assignee | null {
  if (typeof value !== 'string' || !value) return null;
  const [type, id = ''] = value.split(/:(.*)/su);
  if (type === 'member') return { type: 'member', memberId: id };
  if (type === 'ringGroup') return { type: 'ringGroup', ringGroupId: id };
  return null;
}

/**
 * Why the backend refused a reactivation because the plan no longer offers the member's role (a
 * plan change after the list loaded): the reason the disabled Reactivate gives, in the page's
 * language, and the list reloads to show the plan as it is now. Null for any other failure.
 */
function roleNotOnPlan(
  error: unknown,
  member: Member,
  store: TeamStore,
  l: Localizer,
): string | null {
  if ((error as { code?: unknown } | null)?.code !== 'role_not_on_plan') return null;
  void store.refresh().catch(() => undefined);
  return reactivateRoleText(member.role, l);
}

const DIALOG_FOR: Record<Exclude<RowActionId, 'resend' | 'revoke'>, MemberDialogKind> = {
  changeRole: 'role',
  assignNumber: 'assign',
  deactivate: 'deactivate',
  reactivate: 'reactivate',
  remove: 'remove',
  transfer: 'transfer',
};

/**
 * What <team-members> does when a row action is chosen: its dialog (opened, kept up to date,
 * closed with focus back on the row's ⋮), and once confirmed: the request event (the host may
 * veto), the store call (optimistic where it can be), the completed event, the announcement,
 * and a visible alert when the backend refuses and the change is rolled back.
 */
export class MemberActions {
  private readonly host: TeamMembers;

  /** The row whose menu led to the open dialog, to return focus to its ⋮. */
  private returnFocusId: string | null = null;

  constructor(host: TeamMembers) {
    this.host = host;
  }

  /** `action` was chosen in `entry`'s ⋮ menu (now closed): resend at once, else its dialog. */
  async start(action: RowActionId, entry: TeamEntry): Promise<void> {
    this.returnFocusId = entry.id;
    if (entry.kind === 'invitation') {
      if (action === 'resend') await this.resend(entry);
      else if (action === 'revoke')
        await this.showDialog({ kind: 'revoke', invitation: entry, busy: false, error: '' });
      return;
    }
    if (action === 'resend' || action === 'revoke') return;
    const kind = DIALOG_FOR[action];
    await this.showDialog({ kind, member: entry, busy: false, error: '', impact: null });
    if (kind === 'remove' && entry.role !== 'owner') await this.loadImpact(entry);
  }

  private get dialogEl(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private async showDialog(state: DialogState): Promise<void> {
    this.host.dialogState = state;
    await this.host.updateComplete;
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
   */
  private patchDialog(
    target: { id: string },
    patch: Partial<Pick<DialogState, 'busy' | 'error'>> & { impact?: RemovalImpact },
  ): void {
    const state = this.host.dialogState;
    if (!state) return;
    if (state.kind === 'revoke') {
      if (state.invitation.id === target.id) this.host.dialogState = { ...state, ...patch };
    } else if (state.member.id === target.id) this.host.dialogState = { ...state, ...patch };
  }

  /** Closes the row action's dialog. */
  closeDialog(): void {
    const dialog = this.dialogEl;
    if (dialog?.open) dialog.close();
    else this.onClose();
  }

  /** Escape while the dialog's request is on its way does not close it. */
  onCancel(e: Event): void {
    if (this.host.dialogState?.busy) e.preventDefault();
  }

  onClose(): void {
    // `close` comes a task after close(): a dialog opened again meanwhile is not closed by it.
    if (this.dialogEl?.open) return;
    // Nothing typed (a password above all) outlives the dialog.
    this.host.renderRoot
      .querySelector('dialog form')
      ?.querySelectorAll('input')
      .forEach((input) => {
        input.value = '';
      });
    this.host.dialogState = null;
    void this.restoreFocus();
  }

  private async restoreFocus(): Promise<void> {
    await this.host.updateComplete;
    const id = this.returnFocusId;
    const root = this.host.renderRoot;
    const button = id
      ? root.querySelector<HTMLElement>(`button[data-menu-for="${CSS.escape(id)}"]`)
      : null;
    (button ?? root.querySelector<HTMLElement>('[part~="list"]'))?.focus();
  }

  onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const state = this.host.dialogState;
    const form = e.currentTarget as HTMLFormElement;
    if (!state || state.busy) return;
    void this.submit(state, new FormData(form), form);
  }

  private get l() {
    return this.host.l;
  }

  private get store() {
    const store = this.host.store;
    if (!store) throw new Error('No store');
    return store;
  }

  /**
   * Why `action` failed. When the answer never came (network, timeout) the backend may have
   * applied it: the store reloads the list, and the text says so instead of "undone".
   */
  private failure(action: MessageKey, error: unknown, rolledBack: boolean): string {
    const l = this.l;
    const code = (error as { code?: unknown } | null)?.code;
    const params = { action: l.t(action), reason: errorText(error, l) };
    if (code === 'network_error' || code === 'timeout') return l.t('failed.unknown', params);
    return l.t(rolledBack ? 'failed.rolledBack' : 'failed.action', params);
  }

  private failed(action: MessageKey, error: unknown, rolledBack: boolean): void {
    this.host.showAlert(this.failure(action, error, rolledBack));
  }

  /** Whether the open dialog is the one of `target`. */
  private showing(target: { id: string }): boolean {
    const state = this.host.dialogState;
    return state !== null && dialogTarget(state).id === target.id;
  }

  /** Marks the dialog of `target` busy until the backend answers (the choice stays in it). */
  private busy(target: Member | Invitation): void {
    this.host.showAlert('');
    this.patchDialog(target, { busy: true, error: '' });
  }

  /** Closes the dialog if it is still the one of `target`. */
  private done(target: Member | Invitation): void {
    if (this.showing(target)) this.closeDialog();
  }

  /** The failure in the dialog when it is still open on `target` (else in the alert). */
  private failedIn(target: Member | Invitation, action: MessageKey, error: unknown): void {
    const text = this.failure(action, error, true);
    if (this.showing(target)) this.patchDialog(target, { busy: false, error: text });
    else this.host.showAlert(text);
  }

  /** Fires a cancelable request event; true when the host vetoed. */
  private vetoed(event: Event, action: MessageKey): boolean {
    this.host.dispatchEvent(event);
    if (!event.defaultPrevented) return false;
    this.host.announce(this.l.t('vetoed', { action: this.l.t(action) }));
    return true;
  }

  private async resend(invitation: Invitation): Promise<void> {
    this.host.showAlert('');
    try {
      const fresh = await this.store.resendInvitation(invitation.id);
      this.host.announce(
        this.l.t('done.resent', { email: fresh.email, date: this.l.date(fresh.expiresAt) }),
      );
      this.host.dispatchEvent(new InvitationResentEvent(fresh));
    } catch (error) {
      this.failed('menu.resend', error, false);
    }
  }

  /** Confirmed in its dialog: the host may still veto; the dialog stays (busy) until done. */
  private async revoke(invitation: Invitation): Promise<void> {
    if (this.vetoed(new RevokeRequestEvent(invitation), 'menu.revoke')) return this.closeDialog();
    this.busy(invitation);
    try {
      const revoked = await this.store.revokeInvitation(invitation.id);
      this.done(invitation);
      this.host.announce(this.l.t('done.revoked', { email: invitation.email }));
      this.host.dispatchEvent(new InvitationRevokedEvent(revoked));
    } catch (error) {
      this.failedIn(invitation, 'menu.revoke', error);
    }
  }

  private async loadImpact(member: Member): Promise<void> {
    try {
      const impact = await this.store.getRemovalImpact(member.id);
      this.patchDialog(member, { impact });
    } catch (error) {
      this.patchDialog(member, { error: errorText(error, this.l) });
    }
  }

  private async submit(state: DialogState, data: FormData, form: HTMLFormElement): Promise<void> {
    this.host.showAlert('');
    if (state.kind === 'revoke') return this.revoke(state.invitation);
    const { member } = state;
    switch (state.kind) {
      case 'remove':
        return this.remove(member, parseAssignee(data.get('reassign')));
      case 'deactivate':
        return this.deactivate(member);
      case 'reactivate':
        return this.reactivate(member);
      case 'role':
        return this.changeRole(member, data.get('role') as Role);
      case 'assign':
        return this.assign(member, String(data.get('number') ?? ''));
      case 'transfer': {
        const password = String(data.get('password') ?? '');
        const input = form.querySelector<HTMLInputElement>('input[name="password"]');
        if (input) input.value = '';
        return this.transfer(member, password, input);
      }
    }
  }

  private async remove(member: Member, reassignTo: Assignee | null): Promise<void> {
    if (this.vetoed(new RemoveRequestEvent(member, reassignTo), 'menu.remove'))
      return this.closeDialog();
    this.busy(member);
    try {
      const result = await this.store.removeMember(member.id, reassignTo);
      this.done(member);
      this.host.announce(this.l.t('done.removed', { name: displayName(member) }));
      this.host.dispatchEvent(new MemberRemovedEvent(member, result));
    } catch (error) {
      this.failedIn(member, 'menu.remove', error);
    }
  }

  private async deactivate(member: Member): Promise<void> {
    if (this.vetoed(new DeactivateRequestEvent(member), 'menu.deactivate'))
      return this.closeDialog();
    this.closeDialog();
    try {
      const result = await this.store.deactivateMember(member.id);
      this.host.announce(this.l.t('done.deactivated', { name: displayName(member) }));
      this.host.dispatchEvent(new MemberDeactivatedEvent(result.member));
    } catch (error) {
      this.failed('menu.deactivate', error, true);
    }
  }

  private async reactivate(member: Member): Promise<void> {
    this.closeDialog();
    try {
      const result = await this.store.reactivateMember(member.id);
      const l = this.l;
      const name = displayName(member);
      const currency = this.store.billing?.currency ?? 'USD';
      this.host.announce(
        result.charge
          ? l.t('done.reactivatedCharge', { name, amount: l.money(result.charge.amount, currency) })
          : l.t('done.reactivated', { name }),
      );
      this.host.dispatchEvent(new MemberReactivatedEvent(result.member, result.charge));
    } catch (error) {
      const reason = roleNotOnPlan(error, member, this.store, this.l);
      if (reason === null) return this.failed('menu.reactivate', error, true);
      this.host.showAlert(
        this.l.t('failed.rolledBack', { action: this.l.t('menu.reactivate'), reason }),
      );
    }
  }

  private async changeRole(member: Member, role: Role): Promise<void> {
    if (!role || role === member.role) return this.closeDialog();
    this.busy(member);
    try {
      const updated = await this.store.changeRole(member.id, role);
      this.done(member);
      this.host.announce(
        this.l.t('done.roleChanged', {
          name: displayName(updated),
          role: this.l.t(`role.${updated.role}`),
        }),
      );
      this.host.dispatchEvent(new RoleChangedEvent(updated, member.role));
    } catch (error) {
      this.failedIn(member, 'menu.changeRole', error);
    }
  }

  private async assign(member: Member, number: string): Promise<void> {
    if (!number) return this.closeDialog();
    this.busy(member);
    try {
      const result = await this.store.assignPhoneNumber(number, {
        type: 'member',
        memberId: member.id,
      });
      this.done(member);
      this.host.announce(this.l.t('done.numberAssigned', { number, name: displayName(member) }));
      this.host.dispatchEvent(new NumberAssignedEvent(result));
    } catch (error) {
      this.failedIn(member, 'menu.assignNumber', error);
    }
  }

  /** Not optimistic: the dialog stays open (busy) until the backend checked the password. */
  private async transfer(
    member: Member,
    password: string,
    input: HTMLInputElement | null,
  ): Promise<void> {
    if (this.vetoed(new TransferRequestEvent(member), 'menu.transfer')) return this.closeDialog();
    this.patchDialog(member, { busy: true, error: '' });
    try {
      const result = await this.store.transferOwnership(member.id, password);
      this.closeDialog();
      this.host.announce(this.l.t('done.transferred', { name: displayName(result.newOwner) }));
      this.host.dispatchEvent(new OwnershipTransferredEvent(result.newOwner, result.previousOwner));
    } catch (error) {
      this.patchDialog(member, { busy: false, error: errorText(error, this.l) });
      await this.host.updateComplete;
      input?.focus();
    }
  }
}
