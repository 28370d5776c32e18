import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/index.js';
import { planAllowsRole, lowestPlanWithRole } from '../../rules/index.js';
import { ROLES } from '../../schemas/constants.js';
import type { Invitation, Member, RemovalImpact, Role } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { displayName } from './view-model.js';

export type MemberDialogKind =
  'remove' | 'deactivate' | 'reactivate' | 'role' | 'assign' | 'transfer';
export type DialogKind = MemberDialogKind | 'revoke';

interface DialogStatus {
  busy: boolean;
  error: string;
}

/** A row action's confirmation on a member. */
export interface MemberDialogState extends DialogStatus {
  kind: MemberDialogKind;
  member: Member;
  /** Remove only: the backend's answer, null while it loads. */
  impact: RemovalImpact | null;
}

/** Revoke's confirmation, on an invitation. */
export interface RevokeDialogState extends DialogStatus {
  kind: 'revoke';
  invitation: Invitation;
}

export type DialogState = MemberDialogState | RevokeDialogState;

/** The member or invitation the dialog acts on. */
export function dialogTarget(state: DialogState): Member | Invitation {
  return state.kind === 'revoke' ? state.invitation : state.member;
}

export interface DialogContext {
  l: Localizer;
  store: TeamStore;
  onCancel(): void;
}

const TITLES = {
  revoke: 'revoke.title',
  remove: 'remove.title',
  deactivate: 'deactivate.title',
  reactivate: 'reactivate.title',
  role: 'role.title',
  assign: 'assign.title',
  transfer: 'transfer.title',
} as const;

const SUBMIT = {
  revoke: 'menu.revoke',
  remove: 'menu.remove',
  deactivate: 'menu.deactivate',
  reactivate: 'menu.reactivate',
  role: 'role.submit',
  assign: 'assign.submit',
  transfer: 'menu.transfer',
} as const;

export function dialogTitle(state: DialogState, l: Localizer): string {
  return l.t(TITLES[state.kind], { name: displayName(dialogTarget(state)) });
}

function list(items: readonly string[], l: Localizer): string {
  return new Intl.ListFormat(l.locale, { type: 'conjunction' }).format(items);
}

function renderImpact(impact: RemovalImpact, name: string, ctx: DialogContext): TemplateResult {
  const { l, store } = ctx;
  const members = store.entries.filter(
    (e): e is Member => e.kind === 'member' && e.status === 'active' && e.id !== impact.memberId,
  );
  return html`
    <p>${l.t('remove.intro', { name })}</p>
    <ul part="impact">
      <li>
        ${
          impact.phoneNumbers.length
            ? l.t('remove.numbers', { numbers: list(impact.phoneNumbers, l) })
            : l.t('remove.noNumbers', { name })
        }
      </li>
      <li>${l.tp('remove.recordings', impact.recordings)}</li>
      <li>${l.tp('remove.sms', impact.smsConversations)}</li>
      <li>
        ${
          impact.campaigns.length
            ? l.t('remove.campaigns', { campaigns: list(impact.campaigns, l) })
            : l.t('remove.noCampaigns')
        }
      </li>
      <li>
        ${
          impact.personalIntegrations.length
            ? l.t('remove.integrations', { integrations: list(impact.personalIntegrations, l) })
            : l.t('remove.noIntegrations')
        }
        ${l.t('remove.teamIntegrations')}
      </li>
      <li part="impact-billing">${l.t('remove.billing', { date: l.date(impact.seatDropsAt) })}</li>
    </ul>
    ${
      impact.phoneNumbers.length
        ? html`<label class="field">
            <span>${l.t('remove.reassign')}</span>
            <select name="reassign" part="select">
              <option value="">${l.t('remove.reassignNone')}</option>
              ${
                members.length
                  ? html`<optgroup label=${l.t('remove.reassignMember')}>
                      ${members.map((m) => html`<option value="member:${m.id}">${displayName(m)}</option>`)}
                    </optgroup>`
                  : nothing
              }
              ${
                store.ringGroups.length
                  ? html`<optgroup label=${l.t('remove.reassignRingGroup')}>
                      ${store.ringGroups.map((g) => html`<option value="ringGroup:${g.id}">${g.name}</option>`)}
                    </optgroup>`
                  : nothing
              }
            </select>
          </label>`
        : nothing
    }
  `;
}

function renderRemove(state: MemberDialogState, ctx: DialogContext): TemplateResult {
  const { l } = ctx;
  const name = displayName(state.member);
  if (state.member.role === 'owner' || state.impact?.allowed === false)
    return html`<p part="refusal">${l.t('remove.owner')}</p>`;
  if (!state.impact) return html`<p>${state.error ? nothing : l.t('remove.loading')}</p>`;
  return renderImpact(state.impact, name, ctx);
}

function roleOption(role: Role, current: Role, ctx: DialogContext): TemplateResult {
  const { l, store } = ctx;
  const plan = store.billing?.plan;
  const onPlan = !plan || planAllowsRole(plan, role);
  const needs = onPlan ? '' : (lowestPlanWithRole(role)?.name ?? '');
  const label = onPlan
    ? l.t(`role.${role}`)
    : `${l.t(`role.${role}`)} — ${l.t('role.needsPlan', { role: l.t(`role.${role}`), plan: needs })}`;
  return html`<option value=${role} ?disabled=${!onPlan} ?selected=${role === current}>
    ${label}
  </option>`;
}

function renderBody(state: DialogState, ctx: DialogContext): TemplateResult {
  const { l, store } = ctx;
  if (state.kind === 'revoke')
    return html`<p>${l.t('revoke.body', { name: displayName(state.invitation) })}</p>`;
  const name = displayName(state.member);
  switch (state.kind) {
    case 'remove':
      return renderRemove(state, ctx);
    case 'deactivate':
      return html`<p>${l.t('deactivate.body', { name })}</p>
        <seat-billing-preview
          .change=${{ kind: 'deactivate', memberId: state.member.id }}
        ></seat-billing-preview>`;
    case 'reactivate':
      return html`<p>${l.t('reactivate.body', { name })}</p>
        <seat-billing-preview
          .change=${{ kind: 'reactivate', memberId: state.member.id }}
        ></seat-billing-preview>`;
    case 'role':
      return html`<label class="field">
        <span>${l.t('role.label')}</span>
        <select name="role" part="select">
          ${ROLES.filter((r) => r !== 'owner').map((r) => roleOption(r, state.member.role, ctx))}
        </select>
      </label>`;
    case 'assign': {
      if (!store.phoneNumbers.length) return html`<p>${l.t('assign.noNumbers')}</p>`;
      const nameOf = (id: string) => {
        const e = store.entry(id);
        return e ? displayName(e) : id;
      };
      return html`<label class="field">
        <span>${l.t('assign.label')}</span>
        <select name="number" part="select">
          ${store.phoneNumbers.map((n) => {
            const a = n.assignee;
            const label =
              a === null
                ? n.number
                : a.type === 'member'
                  ? l.t('assign.assignedTo', { number: n.number, name: nameOf(a.memberId) })
                  : l.t('assign.ringGroup', {
                      number: n.number,
                      name:
                        store.ringGroups.find((g) => g.id === a.ringGroupId)?.name ?? a.ringGroupId,
                    });
            const mine = a?.type === 'member' && a.memberId === state.member.id;
            return html`<option value=${n.number} ?disabled=${mine}>${label}</option>`;
          })}
        </select>
      </label>`;
    }
    case 'transfer':
      return html`<p>${l.t('transfer.body', { name })}</p>
        <label class="field">
          <span>${l.t('transfer.password')}</span>
          <input
            name="password"
            type="password"
            part="input"
            autocomplete="current-password"
            required
            aria-invalid=${state.error ? 'true' : 'false'}
            aria-describedby=${state.error ? 'dialog-error' : nothing}
          />
        </label>`;
  }
}

/** Whether the dialog can be confirmed at all (the owner's removal cannot). */
export function canSubmit(state: DialogState, store: TeamStore): boolean {
  if (state.kind === 'revoke') return true;
  if (state.kind === 'remove')
    return state.member.role !== 'owner' && state.impact?.allowed === true;
  if (state.kind === 'assign') return store.phoneNumbers.length > 0;
  return true;
}

export function renderDialogContent(state: DialogState, ctx: DialogContext): TemplateResult {
  const { l, store } = ctx;
  const submit = canSubmit(state, store);
  const danger =
    state.kind === 'remove' ||
    state.kind === 'deactivate' ||
    state.kind === 'transfer' ||
    state.kind === 'revoke';
  return html`
    <div class="dialog-header">
      <h2 id="dialog-title" part="dialog-title">${dialogTitle(state, l)}</h2>
      <button
        type="button"
        class="icon"
        part="close"
        aria-label=${l.t('action.close')}
        @click=${ctx.onCancel}
      >
        ×
      </button>
    </div>
    <div class="dialog-body" part="dialog-body">${renderBody(state, ctx)}</div>
    ${
      state.error
        ? html`<p id="dialog-error" role="alert" part="dialog-error">${state.error}</p>`
        : nothing
    }
    <div class="dialog-actions" part="dialog-actions">
      <button type="button" part="cancel" @click=${ctx.onCancel}>
        ${submit ? l.t('action.cancel') : l.t('action.close')}
      </button>
      ${
        submit
          ? html`<button
              type="submit"
              class=${danger ? 'danger' : 'primary'}
              part="confirm"
              ?disabled=${state.busy}
              aria-busy=${state.busy ? 'true' : 'false'}
            >
              ${state.busy ? l.t('common.working') : l.t(SUBMIT[state.kind])}
            </button>`
          : nothing
      }
    </div>
  `;
}
