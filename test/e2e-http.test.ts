/**
 * The real server, as `npm start` runs it, on a free port: it answers GraphQL over HTTP, serves a
 * self-contained GraphiQL page, reports health, and exits cleanly on SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ChildProcessWithoutNullStreams;
let url: string;

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = out.match(/listening at (http:\/\/\S+)/);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
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
    expect(await response.json()).toEqual({ data: { accusations: { totalCount: 2 } } });
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

  it('exits with code 0 on SIGTERM', async () => {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
