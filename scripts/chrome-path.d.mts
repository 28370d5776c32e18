/** The Chromium or Chrome to run browser tests in (CHROME_PATH, then the usual paths). */
export function findChrome(): string;
/** Flags that keep headless Chromium quiet on a closed network and as root. */
export const chromeArgs: string[];
