import { css } from 'lit';
import { errorBox } from '../../styles/states.js';
import { controls, hostReset, stackGap, tokens } from '../../styles/tokens.js';

/**
 * The list has two layouts, chosen by the element's own width (a container query, not the
 * window's: hosts put us in columns):
 *
 * - wide (37.5em and more): one row per entry, in columns (name and email, role, status, phone
 *   numbers, ⋮), every row `--seatkit-row-height` high;
 * - stacked (below 37.5em): name and email, then role and numbers, then the status, with the ⋮
 *   beside the name; every row `--seatkit-row-height-stacked` high.
 *
 * Rows of one layout all have the same height, so the row window (`RowWindow`) places them by
 * arithmetic; it measures a row again when the list's width changes. Every line of a row is one
 * line (no wrapping), so no row ever outgrows its height: long names, emails and numbers end in
 * "…" and carry their full text in `title`.
 */
export const styles = [
  tokens,
  hostReset,
  stackGap,
  controls,
  errorBox,
  css`
    :host {
      container-type: inline-size;
      --_list-max: var(--seatkit-list-max-height, var(--seatkit-list-height, 28rem));
      --_avatar: var(--seatkit-avatar-background, var(--_sk-surface-alt));
      --_row: var(--_sk-row-height);
      --_columns: 2.5rem minmax(0, 2fr) 7.5em 8.5em minmax(8.5em, 1fr) 2.75rem;
    }
    @container (width < 37.5em) {
      [part~='base'] {
        --_row: var(--seatkit-row-height-stacked, 6.5em);
      }
    }
    [part~='base'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_sk-space) * 1.5);
      background: var(--_sk-surface);
      color: var(--_sk-text);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_sk-space);
    }
    h2 {
      font-size: 1.25em;
      margin: 0;
    }
    .header-actions,
    [part~='toolbar'],
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_sk-space);
      align-items: end;
    }
    .header-actions button {
      white-space: nowrap;
    }
    [part~='invite-blocked'] {
      flex-basis: 100%;
      margin: 0;
    }
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 4px;
      min-width: 0;
    }
    [part~='toolbar'] .field > span {
      font-size: 0.875em;
      color: var(--_sk-muted);
    }
    [part~='toolbar'] .search {
      flex: 1 1 14rem;
    }
    [part~='toolbar'] .field:not(.search) {
      flex: 0 1 auto;
    }
    @container (width < 37.5em) {
      [part~='toolbar'] .search {
        flex-basis: 100%;
      }
      [part~='toolbar'] .field:not(.search) {
        flex: 1 1 8em;
      }
      [part~='toolbar'] select {
        width: 100%;
      }
    }
    [part~='count'] {
      margin: 0;
      color: var(--_sk-muted);
      font-size: 0.875em;
    }

    /* ---- the columns and the rows ---------------------------------------------------------- */

    .columns,
    .row {
      display: grid;
      grid-template-columns: var(--_columns);
      grid-template-areas: 'avatar who role status phones menu';
      align-items: center;
      column-gap: var(--_sk-space);
      padding: 0 var(--_sk-space);
    }
    /* The headings sit over the rows' columns: the same borders and scrollbar gutter as the list,
       and their font size on the words, not on the grid (whose em widths must match the rows'). */
    .columns {
      border: 1px solid transparent;
      border-block-width: 0;
      overflow: hidden;
      scrollbar-gutter: stable;
      color: var(--_sk-muted);
      text-transform: uppercase;
      letter-spacing: 0.03em;
      padding-bottom: 4px;
      border-bottom: 1px solid var(--_sk-border);
    }
    .columns > span {
      font-size: 0.8125em;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .columns > :nth-child(1) {
      grid-area: who;
    }
    .columns > :nth-child(2) {
      grid-area: role;
    }
    .columns > :nth-child(3) {
      grid-area: status;
    }
    .columns > :nth-child(4) {
      grid-area: phones;
    }
    .list-box {
      scrollbar-gutter: stable;
      border: 1px solid var(--_sk-border);
      border-radius: var(--_sk-radius);
    }
    [part~='list'] {
      max-height: var(--_list-max);
      overflow: auto;
    }
    .row {
      width: 100%;
      height: var(--_row);
      overflow: hidden;
      line-height: 1.3;
      border-bottom: 1px solid var(--_sk-border);
    }
    .window > .row:last-child {
      border-bottom-color: transparent;
    }
    .avatar {
      grid-area: avatar;
      display: inline-grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      border-radius: 50%;
      background: var(--_avatar);
      font-weight: 600;
      font-size: 0.8125em;
    }
    .who {
      grid-area: who;
      display: grid;
      min-width: 0;
    }
    .name {
      display: flex;
      align-items: baseline;
      gap: 0.4em;
      min-width: 0;
      font-weight: 600;
    }
    .name-text,
    .email,
    .phones,
    .status-date {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .you,
    .tag {
      flex: none;
      white-space: nowrap;
    }
    .email,
    .muted,
    .you,
    .status-date {
      color: var(--_sk-muted);
      font-weight: normal;
    }
    .email {
      font-size: 0.875em;
    }
    .invited {
      display: flex;
    }
    .tag {
      font-size: 0.75em;
      line-height: 1.4;
      font-weight: normal;
      border: 1px solid var(--_sk-border);
      border-radius: 999px;
      padding: 0 6px;
    }
    .role {
      grid-area: role;
      white-space: nowrap;
    }
    .status {
      grid-area: status;
      display: grid;
      grid-template-columns: 8px minmax(0, auto);
      column-gap: 6px;
      align-items: center;
      min-width: 0;
      white-space: nowrap;
    }
    .status-date {
      grid-column: 2;
      font-size: 0.8125em;
    }
    .phones {
      grid-area: phones;
    }
    .menu-cell {
      grid-area: menu;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_sk-muted);
    }
    [part~='status-active'] .dot {
      background: var(--_sk-success);
    }
    [part~='status-pending'] .dot {
      background: var(--_sk-warning);
    }
    [part~='status-expired'] .dot {
      background: var(--_sk-danger);
    }

    @container (width < 37.5em) {
      .columns {
        display: none;
      }
      .row {
        grid-template-columns: 2.5rem max-content minmax(0, 1fr) 2.75rem;
        grid-template-areas:
          'avatar who who menu'
          '. role phones phones'
          '. status status status';
        grid-template-rows: auto auto auto;
        align-content: center;
        row-gap: 2px;
        padding-block: calc(var(--_sk-space) * 0.75);
      }
      .avatar,
      .menu-cell {
        align-self: start;
      }
      .role,
      .phones,
      .status {
        font-size: 0.875em;
      }
      .role {
        color: var(--_sk-muted);
      }
      .phones::before {
        content: '·';
        margin-inline-end: 0.35em;
        color: var(--_sk-muted);
      }
      .status {
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .dot {
        flex: none;
      }
      .status-date {
        font-size: 1em;
      }
    }

    /* ---- loading ----------------------------------------------------------------------------- */

    .skeleton-line {
      display: inline-block;
      height: 0.75em;
      border-radius: 4px;
      background: var(--_sk-surface-alt);
    }
    .skeleton .row {
      color: var(--_sk-muted);
    }
    .skeleton .avatar {
      background: var(--_sk-surface-alt);
    }
    [part~='loading'] {
      position: relative;
      height: var(--_list-max);
      overflow: hidden;
    }
    .loading-text {
      position: absolute;
      inset-inline: 0;
      top: calc(var(--_row) * 1.5);
      margin: 0 auto;
      width: max-content;
      max-width: calc(100% - 2rem);
      padding: calc(var(--_sk-space) * 0.5) var(--_sk-space);
      border-radius: var(--_sk-radius);
      background: var(--_sk-surface);
      color: var(--_sk-muted);
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton-line,
      .skeleton .avatar {
        animation: pulse 1.6s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.55;
        }
      }
    }

    /* ---- the row menu ------------------------------------------------------------------------ */

    .menu-button {
      min-width: 36px;
      padding: 0;
      font-size: 1.25em;
      line-height: 1;
      border-color: transparent;
      background: transparent;
    }
    .menu-button:hover,
    .menu-button[aria-expanded='true'] {
      border-color: var(--_sk-border);
    }
    [part~='menu'] {
      position: fixed;
      z-index: 10;
      min-width: min(14rem, calc(100vw - 16px));
      max-width: min(20rem, calc(100vw - 16px));
      margin: 0;
      padding: 4px;
      list-style: none;
      background: var(--_sk-surface);
      border: 1px solid var(--_sk-border);
      border-radius: var(--_sk-radius);
      box-shadow: 0 8px 24px rgb(0 0 0 / 18%);
    }
    [role='menuitem'] {
      display: grid;
      padding: 8px 10px;
      border-radius: calc(var(--_sk-radius) - 2px);
      cursor: pointer;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus {
      background: var(--_sk-surface-alt);
      outline: none;
    }
    [role='menuitem']:focus-visible {
      outline: 2px solid var(--_sk-focus);
      outline-offset: -2px;
    }
    [role='menuitem'][aria-disabled='true'] {
      cursor: not-allowed;
      color: var(--_sk-muted);
    }
    [role='menuitem'] .reason {
      font-size: 0.8125em;
    }
    [role='menuitem'].danger:not([aria-disabled='true']) {
      color: var(--_sk-danger);
    }

    /* ---- empty, error, alert ----------------------------------------------------------------- */

    .state {
      margin: 0;
      padding: calc(var(--_sk-space) * 3);
      border: 1px dashed var(--_sk-border);
      border-radius: var(--_sk-radius);
      text-align: center;
    }
    .state > p {
      margin: 0 0 var(--_sk-space);
    }
    .state > p:only-child {
      margin: 0;
    }

    /* ---- the row actions' dialog ------------------------------------------------------------- */

    dialog {
      width: min(32rem, calc(100vw - 2rem));
      max-width: none;
      max-height: calc(100dvh - 2rem);
      padding: calc(var(--_sk-space) * 2.5) calc(var(--_sk-space) * 3);
    }
    .dialog-header {
      display: flex;
      align-items: start;
      justify-content: space-between;
      gap: var(--_sk-space);
      margin-bottom: calc(var(--_sk-space) * 1.5);
    }
    dialog h2 {
      line-height: 1.3;
      overflow-wrap: break-word;
      min-width: 0;
    }
    .dialog-body {
      display: grid;
      gap: var(--_sk-space);
      margin-bottom: calc(var(--_sk-space) * 2);
      overflow-wrap: break-word;
    }
    .dialog-body p {
      margin: 0;
    }
    .dialog-body .field > span {
      font-weight: 600;
    }
    .dialog-body select,
    .dialog-body input {
      width: 100%;
    }
    .dialog-body ul {
      margin: 0;
      padding-left: 1.25em;
      display: grid;
      gap: 4px;
    }
    [part~='dialog-error'] {
      margin: 0 0 calc(var(--_sk-space) * 2);
    }
    .dialog-actions {
      justify-content: flex-end;
    }
  `,
];
