import type { Action, Decision } from '../../rules/index.js';
import type { Localizer, MessageKey } from '../../i18n/index.js';
import type { TeamEntry } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { decisionText } from '../shared/reasons.js';

export type RowActionId =
  | 'changeRole'
  | 'assignNumber'
  | 'deactivate'
  | 'reactivate'
  | 'remove'
  | 'transfer'
  | 'resend'
  | 'revoke';

export interface RowAction {
  id: RowActionId;
  label: MessageKey;
  enabled: boolean;
  /** Why it is disabled, in the page's language. */
  reason: string;
}

/** True when the viewer manages the team (owner or admin); others see the list read-only. */
export function managesTeam(store: TeamStore): boolean {
  return store.decide('changeRole').allowed;
}

/**
 * The actions of a row's ⋮ menu: everything an owner or admin could do to such a row, each
 * enabled or disabled with the rules' reason. Transfer Ownership appears for the owner only
 * (and not on their own row). Removing the owner stays enabled: its confirmation explains that
 * ownership must be transferred first.
 */
export function rowActions(store: TeamStore, entry: TeamEntry, l: Localizer): RowAction[] {
  if (!managesTeam(store)) return [];
  const target =
    entry.kind === 'member' ? { id: entry.id, role: entry.role, status: entry.status } : undefined;
  const item = (id: RowActionId, label: MessageKey, decision: Decision, action: Action) =>
    decision.allowed
      ? { id, label, enabled: true, reason: '' }
      : {
          id,
          label,
          enabled: false,
          reason: decision.reason
            ? decisionText(decision, { action, actor: store.viewer, target }, l)
            : '',
        };
  if (entry.kind === 'invitation') {
    return [
      item('resend', 'menu.resend', store.decide('resendInvitation'), 'resendInvitation'),
      item('revoke', 'menu.revoke', store.decide('revokeInvitation'), 'revokeInvitation'),
    ];
  }
  const on = (action: Action) => store.decide(action, target);
  const actions: RowAction[] = [
    item('changeRole', 'menu.changeRole', on('changeRole'), 'changeRole'),
  ];
  const assign = on('assignPhoneNumber');
  actions.push(
    item(
      'assignNumber',
      'menu.assignNumber',
      assign.allowed && store.phoneNumbers.length === 0
        ? { allowed: false, code: 'not_found', reason: '' }
        : assign,
      'assignPhoneNumber',
    ),
  );
  if (entry.status === 'active')
    actions.push(item('deactivate', 'menu.deactivate', on('deactivateMember'), 'deactivateMember'));
  else
    actions.push(item('reactivate', 'menu.reactivate', on('reactivateMember'), 'reactivateMember'));
  const remove = on('removeMember');
  actions.push(
    item(
      'remove',
      'menu.remove',
      remove.allowed || remove.code === 'owner_protected' ? { allowed: true } : remove,
      'removeMember',
    ),
  );
  const viewer = store.viewer;
  if (viewer?.role === 'owner' && viewer.id !== entry.id)
    actions.push(item('transfer', 'menu.transfer', on('transferOwnership'), 'transferOwnership'));
  return actions;
}
