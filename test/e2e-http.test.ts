/**
 * The real server, as `npm start` runs it, on a free port and the fixture corpus
 * (CLAIMGRAPH_DATA_DIR): it answers GraphQL over HTTP, serves a self-contained GraphiQL page,
 * reports health, and exits cleanly on SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './helpers.ts';

let server: ChildProcessWithoutNullStreams;
let url: string;
/** Everything the server has printed on stdout so far. */
let out = '';

const SERVER = ['dist/server.js'];
const envWith = (port: string) => ({ ...process.env, PORT: port, HOST: '127.0.0.1', CLAIMGRAPH_DATA_DIR: FIXTURE_DIR });

function start(port: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, SERVER, { env: envWith(port) });
}

/** A server expected to refuse to start: its exit status and what it printed on stderr. */
function startAndExit(port: string) {
  return spawnSync(process.execPath, SERVER, { env: envWith(port), encoding: 'utf8', timeout: 60_000 });
}

/** Resolves once the server's stdout matches `pattern`. */
function printed(pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = out.match(pattern);
      if (match) {
        server.stdout.off('data', check);
        resolve(match);
      }
    };
    server.stdout.on('data', check);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    check();
  });
}

beforeAll(async () => {
  server = start('0');
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  url = (await printed(/listening at (http:\/\/\S+)/))[1] ?? '';
});

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
});

describe('the server over real HTTP', () => {
  it('answers a GraphQL POST at /graphql', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ accusations { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { accusations: { totalCount: 3 } },
      extensions: { cost: { requested: 1, limit: 500_000 } },
    });
  });

  it('serves GraphiQL to browsers, with no script or style from another host', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('claimgraph');
    expect(html).toContain('DroneAccusations');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
  });

  it('reports health', async () => {
    const response = await fetch(new URL('/health', url));
    expect(response.status).toBe(200);
  });

  it('is ready once its search index is built', async () => {
    await printed(/search index ready/);
    const response = await fetch(new URL('/ready', url));
    expect(response.status).toBe(200);
  });

  it('refuses to start on a port already taken, and says so', () => {
    const port = new URL(url).port;
    const second = startAndExit(port);
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toBe(
      `claimgraph: refusing to start, cannot listen on 127.0.0.1:${port}: the address is already in use`,
    );
  });

  it('refuses a malformed setting, naming it', () => {
    const bad = startAndExit('http');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^claimgraph: refusing to start, invalid environment: PORT: /);
  });

  it('exits with code 0 on SIGTERM', async () => {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
