import { css } from 'lit';

/** What <bulk-invite> adds to the shared dialog frame: drop zone, summary and the row list. */
export const bulkStyles = css`
  :host {
    --_dialog-width: var(--seatkit-dialog-width, 48rem);
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
    margin: 0;
  }
  .summary {
    font-weight: 600;
  }
  .alert ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  /* The dialog: title and buttons stay, the content between them scrolls (the only scroller). */
  dialog {
    container-type: inline-size;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  .body {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 0;
    padding: 0;
  }
  .body > header {
    padding: calc(var(--_sk-space) * 2.5) calc(var(--_sk-space) * 3) calc(var(--_sk-space) * 1.5);
  }
  .content {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: calc(var(--_sk-space) * 1.5);
    padding: 2px calc(var(--_sk-space) * 3) calc(var(--_sk-space) * 1.5);
  }
  .body > footer {
    padding: calc(var(--_sk-space) * 1.5) calc(var(--_sk-space) * 3) calc(var(--_sk-space) * 2.5);
    border-top: 1px solid var(--_sk-border);
  }
  @container (width < 30em) {
    .body > header,
    .content,
    .body > footer {
      padding-inline: calc(var(--_sk-space) * 2);
    }
  }

  /* The rows: the headings share the rows' columns (widths in em of the same font size: the
     headings' smaller size is on their words) and stay at the top while the rows scroll by. */
  .rows-head,
  .row {
    display: grid;
    grid-template-columns: 5.5em minmax(10em, 2fr) 7.5em minmax(8.5em, 1fr) 6em;
    grid-template-areas: 'num email role phone status';
    column-gap: var(--_sk-space);
    align-items: baseline;
    padding: calc(var(--_sk-space) * 0.75) var(--_sk-space);
  }
  .rows-head {
    position: sticky;
    top: -2px;
    z-index: 1;
    background: var(--_sk-surface);
    color: var(--_sk-muted);
    font-weight: 600;
    border: 1px solid transparent;
    border-bottom-color: var(--_sk-border);
  }
  .rows-head > span {
    font-size: 0.85em;
  }
  .rows {
    border: 1px solid var(--_sk-border);
    border-top: 0;
    border-radius: 0 0 var(--_sk-radius) var(--_sk-radius);
  }
  .row {
    width: 100%;
    border-bottom: 1px solid var(--_sk-border);
  }
  .num {
    grid-area: num;
    color: var(--_sk-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .row .email {
    grid-area: email;
    min-width: 0;
    overflow-wrap: break-word;
  }
  .row .role {
    grid-area: role;
  }
  /* A phone number fits its column; whatever else a file holds in that cell wraps. */
  .row .phone {
    grid-area: phone;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .status {
    grid-area: status;
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
  /* A narrow dialog (a phone): each row stacked, no headings. */
  @container (width < 42em) {
    .rows-head {
      display: none;
    }
    .rows {
      border-top: 1px solid var(--_sk-border);
      border-radius: var(--_sk-radius);
    }
    .row {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'num status'
        'email email'
        'role phone';
      row-gap: 2px;
    }
    .row .phone,
    .status {
      justify-self: end;
      text-align: end;
    }
    .problems {
      grid-column: 1 / -1;
    }
  }
`;
