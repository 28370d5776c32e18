import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Plan, Role } from '../../schemas/index.js';
import type { Localizer } from '../../i18n/index.js';
import { planAllowsRole } from '../../rules/index.js';
import type { NumberChoice } from './number-choices.js';
import { roleName, roleNeedsPlanText } from './problem-text.js';

/** Roles offered in the dialog: the owner is never invited. */
export const INVITABLE_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent'];

export interface FieldsModel {
  email: string;
  role: Role;
  phoneNumber: string;
  emailError: string;
  roleError: string;
  phoneError: string;
  plan: Plan | null;
  phoneNumbers: readonly NumberChoice[];
  /** Why some numbers can't be chosen (the owner's, for anyone else); '' when all can. */
  phoneNote: string;
  /** The chosen number rings someone: where it moves from, and the inviter's confirmation. */
  move: { note: string; confirmed: boolean; invalid: boolean } | null;
  disabled: boolean;
}

export interface FieldsHandlers {
  onEmail(value: string): void;
  onEmailBlur(): void;
  onRole(value: Role): void;
  onPhone(value: string): void;
  onMove(confirmed: boolean): void;
}

export function renderFields(l: Localizer, m: FieldsModel, on: FieldsHandlers): TemplateResult {
  const roleNotes = INVITABLE_ROLES.filter((r) => m.plan && !planAllowsRole(m.plan, r));
  return html`
    <div class="field" part="field email-field">
      <label for="email">${l.t('invite.email.label')}</label>
      <input
        id="email"
        name="email"
        type="email"
        part="input email-input"
        autocomplete="off"
        spellcheck="false"
        required
        placeholder=${l.t('invite.email.placeholder')}
        .value=${live(m.email)}
        ?disabled=${m.disabled}
        aria-invalid=${m.emailError ? 'true' : 'false'}
        aria-describedby="email-error"
        @input=${(e: Event) => on.onEmail((e.target as HTMLInputElement).value)}
        @blur=${on.onEmailBlur}
      />
      <p id="email-error" class="error" part="field-error email-error">${m.emailError}</p>
    </div>
    <div class="field" part="field role-field">
      <label for="role">${l.t('invite.role.label')}</label>
      <select
        id="role"
        name="role"
        part="input role-select"
        ?disabled=${m.disabled}
        aria-invalid=${m.roleError ? 'true' : 'false'}
        aria-describedby="role-help role-note role-error"
        @input=${(e: Event) => on.onRole((e.target as HTMLSelectElement).value as Role)}
      >
        ${INVITABLE_ROLES.map((role) => {
          const unavailable = m.plan !== null && !planAllowsRole(m.plan, role);
          return html`<option value=${role} ?disabled=${unavailable} ?selected=${role === m.role}>
            ${roleName(l.t, role)}
          </option>`;
        })}
      </select>
      <p id="role-help" class="hint">
        ${l.t(`invite.role.help.${m.role}` as 'invite.role.help.agent')}
      </p>
      <p id="role-note" class="hint" part="role-note">
        ${roleNotes.map((r) => roleNeedsPlanText(l.t, r)).join(' ')}
      </p>
      <p id="role-error" class="error" part="field-error role-error">${m.roleError}</p>
    </div>
    <div class="field" part="field phone-field">
      <label for="phone">${l.t('invite.phone.label')}</label>
      <select
        id="phone"
        name="phoneNumber"
        part="input phone-select"
        ?disabled=${m.disabled}
        aria-invalid=${m.phoneError ? 'true' : 'false'}
        aria-describedby="phone-help phone-note move-note phone-error"
        @input=${(e: Event) => on.onPhone((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${m.phoneNumber === ''}>${l.t('invite.phone.none')}</option>
        ${m.phoneNumbers.map(
          (n) =>
            html`<option
              value=${n.number}
              ?disabled=${n.disabled}
              ?selected=${n.number === m.phoneNumber}
            >
              ${n.label}
            </option>`,
        )}
      </select>
      <p id="phone-help" class="hint">${l.t('invite.phone.help')}</p>
      <p id="phone-note" class="hint" part="phone-note">${m.phoneNote}</p>
      <p id="move-note" class="hint" part="move-note">${m.move?.note ?? ''}</p>
      ${m.move ? renderMoveConfirmation(l, m.move, m.disabled, on) : nothing}
      <p id="phone-error" class="error" part="field-error phone-error">${m.phoneError}</p>
    </div>
  `;
}

/** "Move this number to the invitee": unchecked until the inviter confirms the move they were shown. */
function renderMoveConfirmation(
  l: Localizer,
  move: NonNullable<FieldsModel['move']>,
  disabled: boolean,
  on: FieldsHandlers,
): TemplateResult {
  return html`<label class="confirm" part="move-confirm">
    <input
      id="move-number"
      name="moveNumber"
      type="checkbox"
      .checked=${live(move.confirmed)}
      ?disabled=${disabled}
      aria-invalid=${move.invalid ? 'true' : 'false'}
      aria-describedby="move-note phone-error"
      @change=${(e: Event) => on.onMove((e.target as HTMLInputElement).checked)}
    />
    <span>${l.t('invite.phone.confirmMove')}</span>
  </label>`;
}
