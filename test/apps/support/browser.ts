// Drives a consumer app in headless Chromium the way a person tries it: the list shows, Invite
// Member, the price shows, Send Invite, the new row appears. Measures on the way the layout shift
// from first paint to the list shown and the JavaScript the page downloaded.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome-path.mjs';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
}

/** Records every layout shift and the first paint, from the first byte of the page on. */
function observeLayout(): void {
  const w = window as unknown as {
    __shifts: Array<{ value: number; time: number; input: boolean }>;
  };
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & { value: number; hadRecentInput: boolean }
    >)
      w.__shifts.push({ value: entry.value, time: entry.startTime, input: entry.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
}

export interface FlowResult {
  /** Cumulative layout shift from first paint to the list shown (shifts after input excluded). */
  cls: number;
  /** Milliseconds from navigation start to the list shown. */
  listShownMs: number;
  /** JavaScript downloaded until the list showed, and by the end of the flow (gzip bytes). */
  jsInitialGzip: number;
  jsTotalGzip: number;
  /** Errors the page logged or threw. */
  errors: string[];
}

export const INVITEE = 'new.person@example.com';

/** Loads `url` in a fresh page and goes through the invite flow; throws when a step fails. */
export async function driveInviteFlow(
  browser: Browser,
  url: string,
  /** Called with the price shown in the open dialog (e.g. to take a screenshot). */
  atPrice?: (page: Page) => Promise<void>,
): Promise<FlowResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const scripts: Array<Promise<number>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.push(
        response.body().then(
          (body) => gzipSync(body, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  await page.addInitScript(observeLayout);
  try {
    await page.goto(url);
    const team = page.locator('team-members');
    // The list shown: its rows are there (Playwright's CSS locators pierce open shadow roots).
    await team.locator('[part~="row"]').first().waitFor({ timeout: 15_000 });
    const listShownMs = await page.evaluate(() => performance.now());
    const cls = await page.evaluate(
      (until) =>
        (
          window as unknown as { __shifts: Array<{ value: number; time: number; input: boolean }> }
        ).__shifts
          .filter((s) => !s.input && s.time <= until)
          .reduce((sum, s) => sum + s.value, 0),
      listShownMs,
    );
    const jsInitialGzip = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);

    await team.getByRole('button', { name: 'Invite Member' }).click();
    const dialog = page.getByRole('dialog', { name: /invite/i });
    await dialog.getByRole('textbox', { name: 'Email' }).fill(INVITEE);
    await dialog.getByText('$14.50').first().waitFor({ timeout: 10_000 });
    if (atPrice) await atPrice(page);
    await dialog.getByRole('button', { name: 'Send Invite' }).click();
    await team.locator('[part~="row"]', { hasText: INVITEE }).waitFor({ timeout: 10_000 });
    await page
      .getByRole('status')
      .filter({ hasText: `Invited ${INVITEE}` })
      .waitFor();
    const jsTotalGzip = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    return { cls, listShownMs, jsInitialGzip, jsTotalGzip, errors };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}${errors.length ? `\npage errors:\n  ${errors.join('\n  ')}` : ''}`);
  } finally {
    await context.close();
  }
}
