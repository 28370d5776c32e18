import type { Plugin } from 'esbuild';

/** `code` (TypeScript or JavaScript) with every css`…` template's CSS minified. */
export function minifyCssLiterals(code: string, where?: string): Promise<string>;
/** An esbuild plugin that minifies css`…` templates of Seatkit's own sources as they load. */
export function cssLiteralsPlugin(): Plugin;
