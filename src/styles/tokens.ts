import { css } from 'lit';

const dark = css`
  --_sk-accent: var(--seatkit-accent, #8ab4ff);
  --_sk-accent-text: var(--seatkit-accent-text, #0b1020);
  --_sk-surface: var(--seatkit-surface, #16181d);
  --_sk-surface-alt: var(--seatkit-surface-alt, #22252c);
  --_sk-text: var(--seatkit-text, #eceef2);
  --_sk-muted: var(--seatkit-muted, #a8aebb);
  --_sk-border: var(--seatkit-border, #454a55);
  --_sk-danger: var(--seatkit-danger, #ff9b8f);
  --_sk-success: var(--seatkit-success, #7ee2a0);
  --_sk-warning: var(--seatkit-warning, #ffc777);
  --_sk-focus: var(--seatkit-focus, #8ab4ff);
  color-scheme: var(--seatkit-color-scheme, dark);
`;

const light = css`
  --_sk-accent: var(--seatkit-accent, #1d4ed8);
  --_sk-accent-text: var(--seatkit-accent-text, #ffffff);
  --_sk-surface: var(--seatkit-surface, #ffffff);
  --_sk-surface-alt: var(--seatkit-surface-alt, #f4f5f7);
  --_sk-text: var(--seatkit-text, #16181d);
  --_sk-muted: var(--seatkit-muted, #555b66);
  --_sk-border: var(--seatkit-border, #c9ccd3);
  --_sk-danger: var(--seatkit-danger, #b42318);
  --_sk-success: var(--seatkit-success, #116329);
  --_sk-warning: var(--seatkit-warning, #8a4b00);
  --_sk-focus: var(--seatkit-focus, #1d4ed8);
  color-scheme: var(--seatkit-color-scheme, light);
`;

/**
 * Shared design tokens. Hosts theme through the public `--seatkit-*` custom properties (set on
 * the element or any ancestor); components read the private `--_sk-*` ones, which fall back to
 * light defaults, to dark ones under `prefers-color-scheme: dark`, or under `theme="dark"` on
 * the element. `theme="light"` pins light. Without its own `theme`, an element takes the closest
 * ancestor's `theme` (read when it connects; the `dark` / `light` custom states set by
 * HostContextController in src/elements/shared/host-context.ts). The `:state()` rules stand
 * alone so a browser without custom states still reads the others.
 *
 * `color-scheme` follows the theme, so native controls (checkboxes, the file button, select
 * popups, scrollbars) are dark in dark mode; a host whose own dark palette is set through the
 * tokens (no `theme` attribute) says so with `--seatkit-color-scheme: dark`.
 */
export const tokens = css`
  :host {
    ${light}
    --_sk-radius: var(--seatkit-radius, 6px);
    --_sk-space: var(--seatkit-spacing, 8px);
    --_sk-row-height: var(--seatkit-row-height, 56px);
    --_sk-backdrop: var(--seatkit-backdrop, rgb(0 0 0 / 45%));
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host(:state(light):not([theme])) {
    ${light}
  }
  :host(:state(dark):not([theme])) {
    ${dark}
  }
  :host([theme='dark']) {
    ${dark}
  }
`;

/** Host reset every element starts from. */
export const hostReset = css`
  :host {
    display: block;
    font: inherit;
    color: var(--_sk-text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_sk-focus);
    outline-offset: 2px;
  }
`;

/**
 * Space above a Seatkit element that directly follows another one (e.g. <seat-billing-preview>
 * above <team-members>): the `stacked` custom state, set by HostContextController when the element
 * connects. Only for elements with a box of their own (not the dialogs).
 */
export const stackGap = css`
  :host(:state(stacked)) {
    margin-block-start: var(--seatkit-stack-gap, calc(var(--_sk-space) * 2));
  }
`;

/**
 * Buttons, inputs, selects, links and native dialogs, shared by every element: every native
 * control takes the theme's colours (links the accent, checkboxes `accent-color`, the file
 * button the surfaces), never the browser's light defaults.
 */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  a,
  a:visited {
    color: var(--_sk-accent);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_sk-accent);
  }
  ::placeholder {
    color: var(--_sk-muted);
    opacity: 1;
  }
  ::file-selector-button {
    font: inherit;
    color: var(--_sk-text);
    background: var(--_sk-surface-alt);
    border: 1px solid var(--_sk-border);
    border-radius: calc(var(--_sk-radius) - 2px);
    padding: calc(var(--_sk-space) * 0.5) var(--_sk-space);
    margin-inline-end: var(--_sk-space);
    cursor: pointer;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_sk-border);
    border-radius: var(--_sk-radius);
    background: var(--_sk-surface);
    padding: calc(var(--_sk-space) * 0.75) calc(var(--_sk-space) * 1.5);
    min-height: 36px;
  }
  button.primary {
    background: var(--_sk-accent);
    border-color: var(--_sk-accent);
    color: var(--_sk-accent-text);
  }
  button.danger {
    background: var(--_sk-danger);
    border-color: var(--_sk-danger);
    color: var(--_sk-surface);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input,
  select,
  textarea {
    border: 1px solid var(--_sk-border);
    border-radius: var(--_sk-radius);
    background: var(--_sk-surface);
    padding: calc(var(--_sk-space) * 0.75);
    min-height: 36px;
    max-width: 100%;
  }
  button.icon {
    min-height: 0;
    min-width: 36px;
    padding: 0.125em 0.5em;
    border-color: transparent;
    background: transparent;
    font-size: 1.25em;
    line-height: 1;
  }
  button.icon:hover {
    border-color: var(--_sk-border);
  }
  dialog {
    color: var(--_sk-text);
    background: var(--_sk-surface);
    border: 1px solid var(--_sk-border);
    border-radius: calc(var(--_sk-radius) * 2);
    padding: calc(var(--_sk-space) * 3);
    max-width: min(36rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: var(--_sk-backdrop);
  }
  .error,
  [role='alert'] {
    color: var(--_sk-danger);
  }
`;
