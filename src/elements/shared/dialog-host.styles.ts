import { css } from 'lit';

/**
 * The dialog element's own styles, before its content is downloaded. The dialog shows in the top
 * layer: the element itself takes no room (and adds no gap) where it is placed.
 */
export const dialogHostStyles = css`
  :host {
    display: contents;
    --_dialog-width: var(--seatkit-dialog-width, 34rem);
  }
`;
