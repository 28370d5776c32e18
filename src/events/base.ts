/** Every Seatkit event bubbles and crosses shadow roots so a host can listen on any ancestor. */
export const COMPLETED: EventInit = { bubbles: true, composed: true };
/** Request events fire before a destructive change; `preventDefault()` vetoes it. */
export const REQUEST: EventInit = { bubbles: true, composed: true, cancelable: true };
