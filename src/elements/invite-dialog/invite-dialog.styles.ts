import { css } from 'lit';

/**
 * The dialog frame, fields, notes and billing preview shared by <invite-dialog> and
 * <bulk-invite>; reads the shared `--_sk-*` tokens (themed through `--seatkit-*`).
 */
export const dialogFrameStyles = css`
  /* The dialog shows in the top layer: the element itself takes no room (and adds no gap) where
     it is placed. */
  :host {
    display: contents;
    --_dialog-width: var(--seatkit-dialog-width, 34rem);
  }
  dialog {
    box-sizing: border-box;
    width: min(var(--_dialog-width), calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    box-shadow: 0 12px 40px rgb(0 0 0 / 25%);
  }
  form,
  .body {
    display: grid;
    gap: calc(var(--_sk-space) * 1.5);
    padding: calc(var(--_sk-space) * 2.5) calc(var(--_sk-space) * 3);
  }
  header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_sk-space);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    min-width: 0;
    overflow-wrap: break-word;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  p {
    margin: 0;
    overflow-wrap: break-word;
  }
  .intro,
  .note,
  .hint {
    color: var(--_sk-muted);
    font-size: 0.9em;
  }
  .hint:empty,
  .error:empty {
    display: none;
  }
  .field {
    display: grid;
    gap: calc(var(--_sk-space) * 0.5);
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    width: 100%;
  }
  .confirm {
    display: flex;
    align-items: start;
    gap: 0.5em;
    font-weight: normal;
  }
  .confirm input {
    flex: none;
    width: auto;
    min-height: 0;
    margin: 0.2em 0 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_sk-danger);
    box-shadow: 0 0 0 1px var(--_sk-danger);
  }
  .error {
    font-size: 0.9em;
  }
  .alert {
    padding: var(--_sk-space) calc(var(--_sk-space) * 1.5);
    border: 1px solid var(--_sk-danger);
    border-radius: var(--_sk-radius);
  }
  .success {
    color: var(--_sk-success);
    font-weight: 600;
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_sk-space);
  }
  .preview {
    display: grid;
    gap: calc(var(--_sk-space) * 0.5);
    padding: calc(var(--_sk-space) * 1.5);
    border: 1px solid var(--_sk-border);
    border-radius: var(--_sk-radius);
    background: var(--_sk-surface-alt);
  }
  .preview dl {
    display: grid;
    gap: calc(var(--_sk-space) * 0.25);
    margin: 0;
  }
  .preview dt {
    color: var(--_sk-muted);
    font-size: 0.9em;
  }
  .preview dd {
    margin: 0 0 calc(var(--_sk-space) * 0.5);
    font-weight: 600;
  }
  .refusal {
    color: var(--_sk-danger);
    font-weight: 600;
  }
`;
