// The demo page on `npm run serve` (the engine on SQLite over real HTTP, Vite in middleware mode)
// in real Chromium: the list is shown, Invite Member prices and sends, Remove Member confirms and
// removes, Transfer Ownership takes the owner's password (hashed in the file). The same steps run
// on the demo's mock backend (`npm start`: the engine in the page, through MSW), so the demo
// behaves alike on both. The served run also reads the SQLite file: the changes are stored there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import type { AddressInfo } from 'node:net';
import { chromeArgs, findChrome } from '../../../scripts/chrome-path.mjs';
import { DEMO_ACCOUNT, demoViteOptions, serve } from '../../../scripts/serve.js';
import type { Served } from '../../../scripts/serve.js';

let chrome: string | null = null;
let missing = '';
try {
  chrome = findChrome();
} catch (error) {
  missing = (error as Error).message;
}

const dir = mkdtempSync(join(tmpdir(), 'seatkit-serve-'));
// Vite pre-bundles the page's dependencies into an empty cache, as on a first start: a
// dependency it met only later would reload the page in the middle of a step.
const cacheDir = join(dir, 'vite-cache');
let browser: Browser;
before(async () => {
  if (chrome)
    browser = await chromium.launch({ executablePath: chrome, args: chromeArgs, headless: true });
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const STEP = { timeout: 120_000 };

/** A fresh page on `url`, with the team list loaded. */
async function openDemo(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await row(page, 'Olivia Park').waitFor({ timeout: 60_000 });
  assert.deepEqual(errors, []);
  return page;
}

/** The team list's row holding `text` (the page's event log is a list too). */
const row = (page: Page, text: string) =>
  page.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: text });
const dialog = (page: Page) => page.getByRole('dialog');

/** The steps a person takes in the demo, on either backend. */
function demoSteps(
  backend: 'server' | 'mock',
  start: () => Promise<{ url: string; file?: string }>,
) {
  let url = '';
  let file: string | undefined;
  let page: Page;
  const stored = <T>(sql: string, ...params: unknown[]): T => {
    const db = new Database(file!, { readonly: true });
    try {
      return db.prepare(sql).get(...params) as T;
    } finally {
      db.close();
    }
  };

  before(async () => {
    ({ url, file } = await start());
    page = await openDemo(url);
  });
  after(() => page?.context().close());

  it('shows the team from the backend', STEP, async () => {
    const notice = backend === 'server' ? 'Backend: the Seatkit server (SQLite)' : '';
    if (notice) await page.getByRole('status').filter({ hasText: notice }).waitFor();
    await page.getByText('Showing 14 of 14').waitFor();
    await row(page, 'lena@example.com').getByText('Pending until Nov 21, 2026').waitFor();
  });

  it('Invite Member: the price is shown, Send Invite adds the row', STEP, async () => {
    await page.getByRole('button', { name: 'Invite Member' }).click();
    const invite = dialog(page).filter({ hasText: 'Invite Member' });
    await invite.getByRole('textbox', { name: 'Email' }).fill('new.person@example.com');
    await invite.getByText('$14.50 for the 15 days left in this cycle').waitFor();
    await invite.getByText('$319.00 for 11 seats on Dec 1, 2026').waitFor();
    await invite.getByRole('button', { name: 'Send Invite' }).click();
    await row(page, 'new.person@example.com').getByText('Pending until Nov 23, 2026').waitFor();
    await invite.waitFor({ state: 'hidden' });
    if (backend === 'server') {
      const found = stored<{ role: string } | undefined>(
        `SELECT role FROM seatkit_invitations WHERE account_id = ? AND canonical = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
        DEMO_ACCOUNT,
        'new.person@example.com',
      );
      assert.deepEqual(found, { role: 'agent' }, 'the invitation is in the SQLite file');
    }
  });

  it('Remove Member: the confirmation lists what happens, then the row goes', STEP, async () => {
    await page.getByRole('button', { name: 'Actions for Tom Becker' }).click();
    await page.getByRole('menuitem', { name: 'Remove Member' }).click();
    const confirm = dialog(page).filter({ hasText: 'Remove Tom Becker?' });
    await confirm.getByText('57 call recordings are kept').waitFor();
    await confirm.getByText('Leaves the dialer campaigns Q4 renewals').waitFor();
    await confirm.getByRole('button', { name: 'Remove Member' }).click();
    await row(page, 'Tom Becker').waitFor({ state: 'detached' });
    if (backend === 'server') {
      const { n } = stored<{ n: number }>(
        'SELECT count(*) AS n FROM seatkit_members WHERE account_id = ? AND canonical = ?',
        DEMO_ACCOUNT,
        'tom@example.com',
      );
      assert.equal(n, 0, 'Tom is gone from the SQLite file');
    }
  });

  it('Transfer Ownership: confirmed with the owner’s password', STEP, async () => {
    await page.getByRole('button', { name: 'Actions for Marcus Lee' }).click();
    await page.getByRole('menuitem', { name: 'Transfer Ownership' }).click();
    const confirm = dialog(page).filter({ hasText: 'Transfer ownership to Marcus Lee?' });
    await confirm.getByRole('textbox', { name: 'Your password' }).fill('correct horse battery');
    await confirm.getByRole('button', { name: 'Transfer Ownership' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row(page, 'Marcus Lee').getByText('Owner', { exact: true }).waitFor();
    await row(page, 'Olivia Park').getByText('Admin', { exact: true }).waitFor();
    if (backend === 'server') {
      const owner = stored<{ email: string }>(
        `SELECT email FROM seatkit_members WHERE account_id = ? AND role = 'owner'`,
        DEMO_ACCOUNT,
      );
      assert.equal(owner.email, 'marcus@example.com');
      const { credential } = stored<{ credential: string }>(
        'SELECT credential FROM seatkit_accounts WHERE id = ?',
        DEMO_ACCOUNT,
      );
      assert.match(credential, /^pbkdf2-sha256:/, 'the password is stored hashed');
    }
  });

  it('a reload shows the same team: the backend kept every change', STEP, async () => {
    await page.reload();
    await row(page, 'new.person@example.com').waitFor({ timeout: 60_000 });
    await row(page, 'Marcus Lee').getByText('Owner', { exact: true }).waitFor();
    assert.equal(await row(page, 'Tom Becker').count(), 0);
    await page.getByText('Showing 14 of 14').waitFor();
  });
}

describe(
  'the served demo (npm run serve: the engine on SQLite)',
  { skip: chrome ? false : missing },
  () => {
    let served: Served | null = null;
    demoSteps('server', async () => {
      served = await serve({
        port: 0,
        host: '127.0.0.1',
        file: join(dir, 'seatkit.sqlite'),
        cacheDir,
        logLevel: 'warn',
      });
      assert.equal(served.seeded, true, 'a new file is seeded with the demo account');
      return { url: `${served.url}/`, file: served.file };
    });
    after(() => served?.close());
  },
);

describe(
  'the same steps on the mock demo (npm start: MSW in the page)',
  { skip: chrome ? false : missing },
  () => {
    let close = async () => undefined as void;
    demoSteps('mock', async () => {
      delete process.env.VITE_SEATKIT_BACKEND;
      const vite = await createViteServer({
        ...demoViteOptions(),
        cacheDir,
        logLevel: 'warn',
        server: { port: 0, host: '127.0.0.1', ws: false },
      });
      await vite.listen();
      close = () => vite.close();
      const { port } = vite.httpServer!.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}/` };
    });
    after(() => close());
  },
);
