/**
 * GraphiQL in a real browser: Debian's chromium (/usr/bin/chromium, driven by playwright-core)
 * opens /graphql as a user would, runs the default operation and shows its result. The page must
 * not fetch anything from any host but the server. The screenshot lands in docs/graphiql.png.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION } from '../../src/yoga.ts';
import { articleCorpus } from '../helpers.ts';
import { type LiveServer, startClaimgraph } from '../live.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../../docs/graphiql.png', import.meta.url));

let server: LiveServer;
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  server = await startClaimgraph({ corpus: articleCorpus() });
  profile = mkdtempSync(join(tmpdir(), 'claimgraph-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    viewport: { width: 1440, height: 900 },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Where a request goes: its origin; `blob:` URLs belong to the page's origin, `data:` to none. */
function destination(url: string): string | null {
  return url.startsWith('data:') ? null : new URL(url).origin;
}

describe('GraphiQL in chromium', () => {
  it('runs the default operation, shows its result, and talks to no other host', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const requested: string[] = [];
    browser.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));

    const response = await page.goto(`${server.origin}/graphql`);
    expect(response?.headers()['content-type']).toContain('text/html');
    await expect(page.title()).resolves.toBe('claimgraph');

    // GraphiQL opens with the default operation; run it with the execute button.
    const executeButton = page.locator('.graphiql-execute-button');
    await executeButton.waitFor({ timeout: 60_000 });
    const [execution] = await Promise.all([
      page.waitForResponse(
        (answer) =>
          answer.request().method() === 'POST' && answer.request().postDataJSON()?.operationName === 'DroneAccusations',
        { timeout: 60_000 },
      ),
      executeButton.click(),
    ]);
    expect(print(parse(execution.request().postDataJSON().query))).toBe(print(parse(DEFAULT_OPERATION)));
    expect((await execution.json()).data.accusations.totalCount).toBe(1);

    // The result pane shows the data (Monaco renders spaces as no-break spaces, and wraps lines).
    const resultPane = page.locator('.graphiql-response');
    await expect
      .poll(async () => ((await resultPane.textContent()) ?? '').replace(/\s+/g, ' '), { timeout: 30_000 })
      .toContain('"act": "supplying explosive drones and short-range missiles to Russia');
    // Let scrollbars fade and the cursor settle, so that the picture changes only with the page.
    await page.mouse.move(0, 0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled', caret: 'hide' });

    expect(requested.length).toBeGreaterThan(1);
    expect(new Set(requested.map(destination).filter((origin) => origin !== null))).toEqual(new Set([server.origin]));
  }, 120_000);
});
