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
  /** Rows with a checkbox (someone who manages the team): whether this one is selected. */
  selected: ((id: string) => boolean) | null;
  /** The row at `index` of the view was clicked or toggled (with Shift: a range). */
  onCheckClick(index: number, event: MouseEvent): void;
  /** Arrow keys on a row's checkbox (with Shift: extend the selection). */
  onCheckKeydown(index: number, event: KeyboardEvent): void;
  /** The pointer or focus reached a checkbox: what a selection offers starts downloading. */
  onCheckIntent(): void;
}

/**
 * The status word, and for an invitation the date under it ("Pending" / "until Nov 21, 2026"):
 * two short lines fit a narrow column in every language, where one sentence would wrap.
 */
function renderStatus(entry: TeamEntry, l: Localizer): TemplateResult {
  const date =
    entry.kind === 'member'
      ? ''
      : l.t(entry.status === 'expired' ? 'team.statusDate.expired' : 'team.statusDate.pending', {
          date: l.date(entry.expiresAt),
        });
  return html`<span class="dot" aria-hidden="true"></span
    ><span class="status-word">${l.t(`status.${entryStatus(entry)}`)}</span>
    ${date ? html`<span class="status-date">${date}</span>` : nothing}`;
}

export function renderRow(entry: TeamEntry, index: number, ctx: RowContext): TemplateResult {
  const { l } = ctx;
  const name = displayName(entry);
  const status = entryStatus(entry);
  const phones =
    entry.kind === 'member' ? entry.phoneNumbers : entry.phoneNumber ? [entry.phoneNumber] : [];
  const open = ctx.openMenuId === entry.id;
  const selected = ctx.selected?.(entry.id) ?? false;
  return html`<div
    role="listitem"
    class="row"
    part="row row-${status}${selected ? ' row-selected' : ''}"
    data-id=${entry.id}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
  >
    ${
      ctx.selected
        ? html`<label class="check" @pointerenter=${ctx.onCheckIntent}
            ><input
              type="checkbox"
              part="row-select"
              .checked=${selected}
              aria-label=${l.t('batch.selectRow', { name })}
              @click=${(e: MouseEvent) => ctx.onCheckClick(index, e)}
              @keydown=${(e: KeyboardEvent) => ctx.onCheckKeydown(index, e)}
              @focus=${ctx.onCheckIntent}
          /></label>`
        : nothing
    }
    <span class="avatar" part="avatar" aria-hidden="true">${initials(entry)}</span>
    <span class="who">
      <span class="name" part="name"
        ><span class="name-text" title=${name}>${name}</span>
        ${entry.id === ctx.viewerId ? html`<span class="you">${l.t('team.you')}</span>` : nothing}</span
      >
      ${
        entry.kind === 'member'
          ? html`<span class="email" part="email" title=${entry.email}>${entry.email}</span>`
          : html`<span class="invited"><span class="tag">${l.t('team.invited')}</span></span>`
      }
    </span>
    <span class="role" part="role">${l.t(`role.${entry.role}`)}</span>
    <span class="status" part="status status-${status}">${renderStatus(entry, l)}</span>
    <span
      class="phones"
      part="phones"
      title=${phones.length ? phones.join(', ') : l.t('team.noPhones')}
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
