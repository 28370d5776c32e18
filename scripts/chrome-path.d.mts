// Types of chrome-path.mjs for the TypeScript files that import it (the served demo's test).
export function findChrome(): string;
export const chromeArgs: string[];
