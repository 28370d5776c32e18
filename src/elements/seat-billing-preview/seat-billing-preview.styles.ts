import { css } from 'lit';
import { errorBox } from '../../styles/states.js';
import { controls, hostReset, stackGap, tokens } from '../../styles/tokens.js';

/** Label and value side by side; below 26em wide (a phone, a narrow column) the value goes under its label. */
export const styles = [
  tokens,
  hostReset,
  stackGap,
  controls,
  errorBox,
  css`
    :host {
      container-type: inline-size;
      --_gap: var(--seatkit-billing-gap, var(--_sk-space));
    }
    [part~='base'] {
      background: var(--seatkit-billing-background, var(--_sk-surface-alt));
      border: 1px solid var(--_sk-border);
      border-radius: var(--_sk-radius);
      padding: calc(var(--_sk-space) * 1.5);
    }
    h2,
    h3 {
      font-size: 1em;
      margin: 0 0 var(--_sk-space);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: calc(var(--_gap) * 0.5) calc(var(--_gap) * 2);
      margin: 0;
    }
    dt {
      color: var(--_sk-muted);
    }
    dd {
      margin: 0;
      min-width: 0;
      font-variant-numeric: tabular-nums;
      overflow-wrap: break-word;
    }
    @container (width < 26em) {
      dl {
        grid-template-columns: minmax(0, 1fr);
        row-gap: 0;
      }
      dd {
        margin-bottom: calc(var(--_gap) * 0.75);
      }
    }
    [part~='amount'] {
      font-weight: 600;
    }
    .note {
      color: var(--_sk-muted);
      margin: var(--_sk-space) 0 0;
    }
    [part~='over-capacity'] {
      color: var(--_sk-danger);
      font-weight: 600;
      margin: var(--_sk-space) 0 0;
    }
    [part~='refusal'] {
      color: var(--_sk-danger);
      font-weight: 600;
      margin: 0;
    }
    [part~='refusal'] + dl {
      margin-top: var(--_sk-space);
    }
  `,
];
