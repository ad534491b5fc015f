/**
 * GraphiQL in a real browser: Debian's chromium (/usr/bin/chromium, driven by playwright-core)
 * opens /graphql as a user would, runs the default operation and shows its result; the page comes
 * compressed, and a second visit downloads no body (304); a query pasted over the default tab and
 * run at once gets its own answer. The page must not fetch anything from any host but the server.
 * The screenshot lands in docs/graphiql.png.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';
import { type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/yoga.ts';
import { articleCorpus } from '../helpers.ts';
import { type LiveServer, startClaimgraph } from '../live.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
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
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A request the page sends to run the editor's operation (not GraphiQL's introspection). */
function isOperation(request: Request): boolean {
  if (request.method() !== 'POST') return false;
  const query = request.postDataJSON()?.query;
  return typeof query === 'string' && !query.includes('IntrospectionQuery');
}

/**
 * How soon after the paste shows the run must be sent for the test to prove anything: GraphiQL
 * parses the editor's text 100 ms after each change (see GRAPHIQL_DEFAULT_QUERY), and Monaco draws
 * a change a frame or more after it makes it, so half that debounce, as a margin.
 */
const RUN_WITHIN_MS = 50;

/**
 * Opens GraphiQL, pastes `pasted` (an operation called `name`) over the default tab with the
 * browser's own paste (Ctrl+V, from the clipboard), and runs it 10 ms after the name shows in the
 * editor, by a Ctrl+Enter the page itself sends: playwright's keys take longer than that on a busy
 * machine, and Monaco applies a paste a moment after the key. Returns the operation's answer and
 * when, in the page, the name showed and the run was sent.
 */
async function pasteAndRun(page: Page, pasted: string, name: string) {
  await page.goto(`${server.origin}/graphql`);
  await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
  await page.locator('.graphiql-query-editor .view-lines', { hasText: 'accusations' }).waitFor({ timeout: 60_000 });
  await page.locator('.graphiql-query-editor .monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.evaluate(
    ({ text, name }) => {
      const typed = document.activeElement as HTMLElement;
      const editor = document.querySelector('.graphiql-query-editor') as HTMLElement;
      const times = { pasted: 0, run: 0 };
      (window as unknown as { times: typeof times }).times = times;
      const observer = new MutationObserver(() => {
        if (!editor.textContent?.includes(name)) return;
        observer.disconnect();
        times.pasted = performance.now();
        setTimeout(() => {
          times.run = performance.now();
          const init = { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true, bubbles: true };
          typed.dispatchEvent(new KeyboardEvent('keydown', init));
          typed.dispatchEvent(new KeyboardEvent('keyup', init));
        }, 10);
      });
      observer.observe(editor, { subtree: true, childList: true, characterData: true });
      return navigator.clipboard.writeText(text);
    },
    { text: pasted, name },
  );
  const execution = page.waitForResponse((answer) => isOperation(answer.request()), { timeout: 60_000 });
  await page.keyboard.press('Control+V');
  const answer = await execution;
  const times = await page.evaluate(() => (window as unknown as { times: { pasted: number; run: number } }).times);
  return { answer, times };
}

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
    expect(response?.headers()['content-encoding']).toBe('br');
    // The page's own size, uncompressed (asked apart: reading the body through the browser would
    // keep it out of the browser's cache).
    const plain = await fetch(server.url, { headers: { accept: 'text/html', 'accept-encoding': 'identity' } });
    const html = Number(plain.headers.get('content-length'));
    await plain.arrayBuffer();
    const transferred = (await response?.request().sizes())?.responseBodySize ?? 0;
    expect(transferred).toBeGreaterThan(0);
    expect(transferred).toBeLessThan(html / 3);
    await expect(page.title()).resolves.toBe('claimgraph');

    // GraphiQL opens with the default operation; run it with the execute button.
    const executeButton = page.locator('.graphiql-execute-button');
    await executeButton.waitFor({ timeout: 60_000 });
    const [execution] = await Promise.all([
      page.waitForResponse((answer) => isOperation(answer.request()), { timeout: 60_000 }),
      executeButton.click(),
    ]);
    expect(print(parse(execution.request().postDataJSON().query))).toBe(print(parse(GRAPHIQL_DEFAULT_QUERY)));
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

  it('runs a query pasted over the default tab at once (Ctrl+V, then Ctrl+Enter): that query’s answer', async () => {
    const pasted = 'query PastedQuery { people(first: 1) { totalCount nodes { id } } }';
    const expected = await (
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: pasted }),
      })
    ).json();
    // The run must come within RUN_WITHIN_MS of the paste, or the test proves nothing. A busy
    // machine can hold the page's 10 ms timer longer than that: such a try is made again, in a fresh
    // context (no tab state kept), at most three times.
    const fresh = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      let gapMs = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3 && gapMs >= RUN_WITHIN_MS; attempt++) {
        const context = await fresh.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
        const page = await context.newPage();
        const { answer, times } = await pasteAndRun(page, pasted, 'PastedQuery');
        gapMs = times.run - times.pasted;
        expect(times.pasted).toBeGreaterThan(0);
        expect(print(parse(answer.request().postDataJSON().query))).toBe(print(parse(pasted)));
        expect(await answer.json()).toEqual(expected);
        const resultPane = page.locator('.graphiql-response');
        await expect
          .poll(async () => ((await resultPane.textContent()) ?? '').replace(/\s+/g, ''), { timeout: 30_000 })
          .toContain(JSON.stringify(expected.data).replace(/\s+/g, '').slice(0, 40));
        await context.close();
      }
      expect(gapMs).toBeLessThan(RUN_WITHIN_MS);
    } finally {
      await fresh.close();
    }
  }, 180_000);
});
