import { css } from 'lit';

/**
 * The one look of "this went wrong": the team or the billing that could not be loaded (with
 * Retry), and an action of the team list that failed. Danger-coloured text and border on a faint
 * danger tint, whatever the theme.
 */
export const errorBox = css`
  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_sk-space);
    margin: 0;
    padding: var(--_sk-space) calc(var(--_sk-space) * 1.5);
    border: 1px solid var(--_sk-danger);
    border-radius: var(--_sk-radius);
    color: var(--_sk-danger);
    background: color-mix(in srgb, var(--_sk-danger) 7%, var(--_sk-surface));
    overflow-wrap: break-word;
  }
  .error-box > p,
  .error-box > span {
    margin: 0;
    flex: 1 1 12em;
  }
  .error-box button {
    color: var(--_sk-text);
  }
`;
