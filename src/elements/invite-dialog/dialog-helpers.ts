import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ProblemDetail } from '../../schemas/index.js';

export type FieldName = 'email' | 'role' | 'phoneNumber';

const FIELD_ALIASES: Record<string, FieldName> = {
  email: 'email',
  role: 'role',
  phoneNumber: 'phoneNumber',
  phone_number: 'phoneNumber',
  phone: 'phoneNumber',
};

/** The backend's per-field problems, one message per field (the first wins). */
export function detailsByField(
  details: readonly ProblemDetail[],
  text: (detail: ProblemDetail) => string,
): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const detail of details) {
    const field = detail.field ? FIELD_ALIASES[detail.field] : undefined;
    if (field && !out[field]) out[field] = text(detail);
  }
  return out;
}

/** The focused element, looking inside open shadow roots (the opener to return focus to). */
export function activeElementDeep(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * The frame both invite dialogs share: a native <dialog> whose content renders only while open,
 * and a polite live region for results.
 */
export function dialogFrame(
  open: boolean,
  content: () => TemplateResult,
  announcement: string,
  onClose: () => void,
): TemplateResult {
  return html`
    <dialog part="dialog" aria-labelledby="title" @close=${onClose}>
      ${open ? content() : nothing}
    </dialog>
    <div class="visually-hidden" role="status" aria-live="polite">${announcement}</div>
  `;
}

/** The dialogs' title row with its close button. */
export function dialogHeader(title: string, closeLabel: string, onClose: () => void) {
  return html`<header>
    <h2 id="title">${title}</h2>
    <button type="button" class="icon" part="close" aria-label=${closeLabel} @click=${onClose}>
      ×
    </button>
  </header>`;
}
