import { css } from 'lit';
import { errorBox } from '../../styles/states.js';
import { controls, hostReset, stackGap, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  hostReset,
  stackGap,
  controls,
  errorBox,
  css`
    :host {
      --_list-height: var(--seatkit-list-height, 28rem);
      --_avatar: var(--seatkit-avatar-background, var(--_sk-surface-alt));
    }
    [part~='base'] {
      display: grid;
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
    .field {
      display: grid;
      gap: 4px;
    }
    .field > span {
      font-size: 0.875em;
      color: var(--_sk-muted);
    }
    [part~='toolbar'] .search {
      flex: 1 1 14rem;
    }
    [part~='count'] {
      margin: 0;
      color: var(--_sk-muted);
      font-size: 0.875em;
    }
    .columns,
    .row {
      display: grid;
      grid-template-columns:
        2.5rem minmax(10rem, 2fr) minmax(6rem, 1fr) minmax(8rem, 1.2fr) minmax(8rem, 1.2fr)
        2.75rem;
      align-items: center;
      gap: var(--_sk-space);
      padding: 0 var(--_sk-space);
    }
    .columns {
      font-size: 0.8125em;
      color: var(--_sk-muted);
      text-transform: uppercase;
      letter-spacing: 0.03em;
      padding-bottom: 4px;
      border-bottom: 1px solid var(--_sk-border);
    }
    .columns > :first-child {
      grid-column: 2;
    }
    [part~='list'] {
      height: var(--_list-height);
      overflow: auto;
      border: 1px solid var(--_sk-border);
      border-radius: var(--_sk-radius);
    }
    .row {
      width: 100%;
      height: var(--_sk-row-height);
      border-bottom: 1px solid var(--_sk-border);
    }
    .avatar {
      display: inline-grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      border-radius: 50%;
      background: var(--_avatar);
      font-weight: 600;
      font-size: 0.8125em;
    }
    .who,
    .phones {
      display: grid;
      min-width: 0;
    }
    .who > *,
    .phones {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .name {
      font-weight: 600;
    }
    .email,
    .muted,
    .you {
      color: var(--_sk-muted);
      font-weight: normal;
    }
    .tag {
      font-size: 0.75em;
      font-weight: normal;
      border: 1px solid var(--_sk-border);
      border-radius: 999px;
      padding: 0 6px;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_sk-muted);
      flex: none;
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
      min-width: 14rem;
      max-width: 20rem;
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
    .state {
      padding: calc(var(--_sk-space) * 3);
      border: 1px dashed var(--_sk-border);
      border-radius: var(--_sk-radius);
      text-align: center;
    }
    [part~='alert'][hidden] {
      display: none;
    }
    dialog h2 {
      margin-top: 0;
    }
    .dialog-body {
      display: grid;
      gap: var(--_sk-space);
      margin-bottom: calc(var(--_sk-space) * 2);
    }
    .dialog-body ul {
      margin: 0;
      padding-left: 1.25em;
      display: grid;
      gap: 4px;
    }
    .dialog-actions {
      justify-content: flex-end;
    }
  `,
];
