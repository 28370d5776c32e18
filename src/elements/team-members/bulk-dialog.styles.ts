import { css } from 'lit';

/**
 * What a selection adds to the bar, the bulk menu's counts, and the bulk confirmation's own look
 * (on top of the row dialogs', team-members.styles.ts): adopted into <team-members>' shadow root
 * when the bulk chunk loads. The confirmation's title and buttons stay in view; only the content
 * between them scrolls (a result of 10,000 rows lists names, not rows).
 */
export const styles = css`
  .bulk-selected {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    font-weight: 600;
    white-space: nowrap;
  }
  .bulk-selected .muted {
    font-weight: normal;
  }
  .bulk-bar button {
    min-height: 32px;
    padding-block: 2px;
    white-space: nowrap;
  }
  .bulk-bar button.icon {
    min-width: 32px;
    font-size: 1.125em;
  }
  .bulk-bar button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_sk-accent);
    padding-inline: calc(var(--_sk-space) * 0.5);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  [role='menuitem'] .applies {
    font-size: 0.8125em;
    color: var(--_sk-muted);
  }
  dialog.bulk[open] {
    display: flex;
    flex-direction: column;
  }
  dialog.bulk {
    width: min(36rem, calc(100vw - 2rem));
  }
  .bulk form {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .bulk .dialog-body {
    overflow-y: auto;
    min-height: 0;
    /* Room for the focus rings of the fields inside it. */
    padding: 2px;
  }
  .bulk .verdict > p:first-child {
    font-weight: 600;
  }
  .bulk h3 {
    font-size: 1em;
    margin: 0 0 4px;
  }
  .bulk .note,
  .bulk .names,
  .bulk .checking {
    color: var(--_sk-muted);
  }
  .bulk .groups {
    padding-left: 1.25em;
  }
  .bulk .names {
    display: block;
    font-size: 0.875em;
  }
  .bulk-quote {
    display: grid;
    gap: 4px;
    padding: var(--_sk-space) calc(var(--_sk-space) * 1.5);
    border-radius: var(--_sk-radius);
    background: var(--_sk-surface-alt);
  }
  .bulk-quote dl {
    display: grid;
    gap: 2px;
    margin: 0;
  }
  .bulk-quote dl > div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    column-gap: var(--_sk-space);
  }
  .bulk-quote dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .result + .result {
    margin-top: var(--_sk-space);
  }
  [part~='bulk-failed'] h3 {
    color: var(--_sk-danger);
  }
`;
