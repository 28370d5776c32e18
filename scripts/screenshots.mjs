// Screenshots of the demo page for docs/screenshots/: the team list on a phone (390 px), Bulk
// Invite with a checked file, dark and in German, and the confirmation of a bulk deactivation of
// three members with its one quote. Starts the demo's dev server on a free port,
// drives it with playwright-core in the local Chromium, and stops the server when done.
// Usage: node scripts/screenshots.mjs [outDir]   (default docs/screenshots)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from './chrome-path.mjs';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });

/** A few rows with problems, so the table shows its columns, a long email and its reasons. */
const CSV = [
  'email,role,phone_number',
  'ines.okonkwo-vandenberg@customer-success.example.org,agent,',
  'kofi@example.org,admin,+14155550103',
  'not-an-email,agent,',
  'sup@example.org,supervisor,',
].join('\n');

/** The bulk deactivation's members (their rows' names). */
const SELECTED = ['Priya Shah', 'Tom Becker', 'Ana Souza'];

const SHOTS = [
  { name: 'list-390.png', width: 390, height: 844, language: 'en', theme: 'light', bulk: false },
  {
    name: 'bulk-deactivate.png',
    width: 1280,
    height: 900,
    language: 'en',
    theme: 'light',
    bulk: false,
    select: true,
  },
  {
    name: 'bulk-invite-dark-de.png',
    width: 1280,
    height: 900,
    language: 'de',
    theme: 'dark',
    bulk: true,
  },
];

const server = await createServer({
  server: { port: 0, strictPort: false },
  logLevel: 'error',
  // Every dependency found up front: one met later (a dialog's chunk) would make Vite reload the
  // page mid-run. Only the demo page is scanned (docs/ holds HTML snippets that import 'seatkit').
  optimizeDeps: {
    entries: ['index.html'],
    include: [
      '@lit-labs/virtualizer/virtualize.js',
      '@lit-labs/virtualizer/layouts/flow.js',
      'udsv',
    ],
  },
});
await server.listen();
const address = server.httpServer?.address();
const base = `http://localhost:${typeof address === 'object' && address ? address.port : 5173}/`;
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.addInitScript(
      ([language, theme]) => {
        localStorage.clear();
        localStorage.setItem('seatkit-demo:prefs', JSON.stringify({ language, theme }));
      },
      [shot.language, shot.theme],
    );
    await page.goto(base);
    // The rows are there once the list has loaded.
    await page.locator('team-members [role="listitem"]').first().waitFor({ timeout: 30_000 });
    if (shot.bulk) {
      await page.locator('team-members [part~="bulk-invite-button"]').click();
      await page.evaluate(async (csv) => {
        const team = document.querySelector('team-members');
        const bulk = team?.shadowRoot?.querySelector('bulk-invite');
        await bulk?.loadText(csv);
      }, CSV);
      await page.locator('team-members bulk-invite [part~="due-now"]').waitFor();
      // Scrolled to the summary, the billing and the rows (the file picker is above them).
      await page.locator('team-members bulk-invite [part~="summary"]').evaluate((summary) => {
        const content = summary.closest('[part~="content"]');
        if (content) content.scrollTop = summary.offsetTop - 12;
      });
      // Only the rows in view are rendered.
      await page.locator('team-members bulk-invite [part~="row"]').first().waitFor();
    } else if (shot.select) {
      // Three rows selected, then Actions → Deactivate, once the backend's preview is in.
      for (const name of SELECTED)
        await page
          .locator(`team-members [role="listitem"]:has-text("${name}") [part~="row-select"]`)
          .click();
      // The page from its top (the billing summary's next invoice beside the quote's).
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('team-members [part~="bulk-menu-button"]').click();
      await page.locator('team-members [data-bulk-action="deactivate"]').click();
      await page.locator('team-members dialog.bulk [part~="bulk-quote"]').waitFor();
    } else {
      // The list's card at the top of the phone's screen, under the (collapsed) demo toolbar.
      await page.evaluate(() => {
        const card = document.querySelector('team-members')?.closest('section');
        if (card) window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 48);
      });
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, shot.name) });
    console.log(`${join(outDir, shot.name)} (${shot.width} px, ${shot.language}, ${shot.theme})`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
