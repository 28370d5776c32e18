// The demo on a fresh clone: Vite starts with an empty dependency cache (no node_modules/.vite),
// and the first thing the user does is press a button that loads a lazy chunk. Vite must have
// optimised everything at start: a dependency first met on that click makes Vite re-optimise and
// reload the page, and the click is lost (the dialog never opens).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launch } from './support/browser.js';
import { ROOT } from './support/package.js';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

/** The demo's dev server on a free port with a dependency cache of its own, empty. */
async function freshDevServer(): Promise<{ server: ViteDevServer; url: string; cache: string }> {
  const cache = mkdtempSync(join(tmpdir(), 'seatkit-vite-cache-'));
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    cacheDir: cache,
    logLevel: 'silent',
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/`, cache };
}

const FIRST_CLICKS = [
  ['Invite Member', 'Invite Member'],
  ['Bulk Invite', 'Bulk Invite'],
] as const;

describe('the demo from a fresh clone (empty Vite cache)', { concurrency: 1 }, () => {
  for (const [button, dialogName] of FIRST_CLICKS) {
    test(`the first click on ${button} opens its dialog, without a reload`, async () => {
      const { server, url, cache } = await freshDevServer();
      const page = await browser.newPage();
      try {
        let loads = 0;
        page.on('load', () => (loads += 1));
        await page.goto(url);
        const team = page.locator('team-members');
        await team.locator('[part~="row"]').first().waitFor({ timeout: 60_000 });
        await team.getByRole('button', { name: button, exact: true }).click();
        await page
          .getByRole('dialog', { name: dialogName })
          .waitFor({ state: 'visible', timeout: 20_000 });
        assert.equal(loads, 1, 'the page was reloaded after the click');
      } finally {
        await page.close();
        await server.close();
        rmSync(cache, { recursive: true, force: true });
      }
    });
  }
});
