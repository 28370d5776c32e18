import { css } from 'lit';

/** What <bulk-invite> adds to the shared dialog frame: drop zone, summary and the row list. */
export const bulkStyles = css`
  :host {
    --_dialog-width: var(--seatkit-dialog-width, 48rem);
    --_rows-height: var(--seatkit-bulk-rows-height, 18rem);
  }
  .source {
    display: grid;
    gap: calc(var(--_sk-space) * 1.5);
  }
  .drop {
    display: grid;
    gap: var(--_sk-space);
    padding: calc(var(--_sk-space) * 2);
    border: 2px dashed var(--_sk-border);
    border-radius: var(--_sk-radius);
  }
  .drop.dragging {
    border-color: var(--_sk-accent);
    background: var(--_sk-surface-alt);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_sk-space);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: normal;
  }
  .check input {
    width: auto;
    min-height: 0;
  }
  .summary {
    font-weight: 600;
  }
  .alert ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .rows-head,
  .row {
    display: grid;
    grid-template-columns: 5.5em minmax(10em, 2fr) 6.5em minmax(7em, 1fr) 6em;
    gap: var(--_sk-space);
    align-items: baseline;
    padding: calc(var(--_sk-space) * 0.75) var(--_sk-space);
  }
  .rows-head {
    color: var(--_sk-muted);
    font-size: 0.85em;
    font-weight: 600;
    border-bottom: 1px solid var(--_sk-border);
  }
  .rows {
    height: var(--_rows-height);
    border: 1px solid var(--_sk-border);
    border-radius: var(--_sk-radius);
  }
  .row {
    width: 100%;
    border-bottom: 1px solid var(--_sk-border);
    box-sizing: border-box;
  }
  .row .email {
    overflow-wrap: anywhere;
  }
  .num {
    color: var(--_sk-muted);
    font-variant-numeric: tabular-nums;
  }
  .status {
    font-weight: 600;
  }
  .status-problem {
    color: var(--_sk-danger);
  }
  .status-ready,
  .status-sent {
    color: var(--_sk-success);
  }
  .problems {
    grid-column: 2 / -1;
    margin: 0;
    padding-inline-start: 1.25em;
    color: var(--_sk-danger);
    font-size: 0.9em;
  }
  @media (max-width: 40rem) {
    .rows-head {
      display: none;
    }
    .row {
      grid-template-columns: 5em 1fr;
    }
    .problems {
      grid-column: 1 / -1;
    }
  }
`;
