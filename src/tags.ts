// The tags Seatkit registers (seatkit/define), for a framework that must be told which tags are
// custom elements (Vue's `isCustomElement`, Angular's schemas) without claiming every dashed tag.

/** Every tag `seatkit/define` registers, in the order it registers them. */
export const SEATKIT_TAGS = [
  'seatkit-provider',
  'team-members',
  'invite-dialog',
  'bulk-invite',
  'seat-billing-preview',
] as const;

export type SeatkitTag = (typeof SEATKIT_TAGS)[number];

/**
 * Whether `tag` is one of Seatkit's elements, including the dialogs' content elements the
 * dialogs create themselves (`seatkit-*`). For Vue: `isCustomElement: isSeatkitTag`.
 */
export function isSeatkitTag(tag: string): boolean {
  return (SEATKIT_TAGS as readonly string[]).includes(tag) || tag.startsWith('seatkit-');
}
