import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/index.js';
import type { TeamEntry } from '../../schemas/index.js';
import { displayName, entryStatus, initials } from './view-model.js';

export interface RowContext {
  l: Localizer;
  viewerId: string | null;
  setSize: number;
  /** Whether rows get a ⋮ button. */
  menus: boolean;
  openMenuId: string | null;
  onMenuClick(id: string, event: MouseEvent): void;
  onMenuKeydown(id: string, event: KeyboardEvent): void;
}

function statusText(entry: TeamEntry, l: Localizer): string {
  if (entry.kind === 'member') return l.t(`status.${entry.status}`);
  return entry.status === 'expired'
    ? l.t('team.expiredOn', { date: l.date(entry.expiresAt) })
    : l.t('team.pendingUntil', { date: l.date(entry.expiresAt) });
}

export function renderRow(entry: TeamEntry, index: number, ctx: RowContext): TemplateResult {
  const { l } = ctx;
  const name = displayName(entry);
  const status = entryStatus(entry);
  const phones =
    entry.kind === 'member' ? entry.phoneNumbers : entry.phoneNumber ? [entry.phoneNumber] : [];
  const open = ctx.openMenuId === entry.id;
  return html`<div
    role="listitem"
    class="row"
    part="row row-${status}"
    data-id=${entry.id}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
  >
    <span class="avatar" part="avatar" aria-hidden="true">${initials(entry)}</span>
    <span class="who">
      <span class="name" part="name"
        >${name}${
          entry.id === ctx.viewerId ? html` <span class="you">${l.t('team.you')}</span>` : nothing
        }${
          entry.kind === 'invitation'
            ? html` <span class="tag">${l.t('team.invited')}</span>`
            : nothing
        }</span
      >
      ${entry.kind === 'member' ? html`<span class="email" part="email">${entry.email}</span>` : nothing}
    </span>
    <span class="role" part="role">${l.t(`role.${entry.role}`)}</span>
    <span class="status" part="status status-${status}"
      ><span class="dot" aria-hidden="true"></span>${statusText(entry, l)}</span
    >
    <span class="phones" part="phones"
      >${phones.length ? phones.join(', ') : html`<span class="muted">${l.t('team.noPhones')}</span>`}</span
    >
    <span class="menu-cell">
      ${
        ctx.menus
          ? html`<button
              type="button"
              class="menu-button"
              part="menu-button"
              data-menu-for=${entry.id}
              aria-haspopup="menu"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${open ? 'row-menu' : nothing}
              aria-label=${l.t('team.menu', { name })}
              @click=${(e: MouseEvent) => ctx.onMenuClick(entry.id, e)}
              @keydown=${(e: KeyboardEvent) => ctx.onMenuKeydown(entry.id, e)}
            >
              <span aria-hidden="true">⋮</span>
            </button>`
          : nothing
      }
    </span>
  </div>`;
}
