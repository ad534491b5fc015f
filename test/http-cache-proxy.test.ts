/**
 * HTTP caching end to end, through a real caching reverse proxy: Debian's nginx with proxy_cache,
 * started by this test on a free loopback port with a configuration it writes to a temporary
 * folder, in front of the built server (dist/server.js, as `npm start` runs it). nginx knows
 * nothing of GraphQL: it caches by URL, Cache-Control, Vary and ETag alone. A repeated GET is a
 * hit; two operations or two variable sets never share an entry; another Accept gets its own;
 * errors are never stored; a hashed GET (automatic persisted queries) is cached like any other;
 * once an answer is stale nginx revalidates it (304 while the data is the same), and after a
 * restart on changed data its revalidation gets the new answer. The hits and misses are printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NGINX = '/usr/sbin/nginx';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Seconds an answer stays fresh: short, so that the test sees nginx revalidate. */
const MAX_AGE = 2;

let dir: string;
let dataDir: string;
let upstreamPort: number;
let proxyPort: number;
let claimgraph: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
const statuses: Record<string, number> = {};

/** A port free on 127.0.0.1 now (the server that finds it closes at once). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts claimgraph on `upstreamPort` over `dataDir`; resolves once it listens. */
async function startClaimgraph(): Promise<void> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(upstreamPort),
      HOST: '127.0.0.1',
      CLAIMGRAPH_DATA_DIR: dataDir,
      CLAIMGRAPH_HTTP_MAX_AGE: String(MAX_AGE),
      CLAIMGRAPH_HTTP_STALE_WHILE_REVALIDATE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  claimgraph = child;
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`claimgraph did not listen: ${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('listening at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.once('exit', (code) => reject(new Error(`claimgraph exited with ${code}: ${out}`)));
  });
}

async function stopClaimgraph(): Promise<void> {
  if (!claimgraph || claimgraph.exitCode !== null) return;
  const exited = once(claimgraph, 'exit');
  claimgraph.kill('SIGTERM');
  await exited;
}

function nginxConfig(): string {
  const path = (name: string) => join(dir, name);
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${path('nginx.pid')};
error_log ${path('error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${path('access.log')};
  client_body_temp_path ${path('client-body')};
  proxy_temp_path ${path('proxy-temp')};
  fastcgi_temp_path ${path('fastcgi')};
  uwsgi_temp_path ${path('uwsgi')};
  scgi_temp_path ${path('scgi')};
  proxy_cache_path ${path('cache')} levels=1:2 keys_zone=claimgraph:1m max_size=64m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:${proxyPort};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_http_version 1.1;
      proxy_cache claimgraph;
      proxy_cache_revalidate on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

async function startNginx(): Promise<void> {
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, nginxConfig());
  const child = spawn(NGINX, ['-c', config, '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx = child;
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  // Ready once it accepts a connection.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${err}`);
    try {
      await fetch(`http://127.0.0.1:${proxyPort}/health`);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen: ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (.ci/run does)`);
  dir = mkdtempSync(join(tmpdir(), 'claimgraph-nginx-'));
  mkdirSync(join(dir, 'cache'));
  dataDir = join(dir, 'data');
  cpSync(join(ROOT, 'data'), dataDir, { recursive: true });
  [upstreamPort, proxyPort] = [await freePort(), await freePort()];
  await startClaimgraph();
  await startNginx();
}, 120_000);

afterAll(async () => {
  console.log(`nginx cache statuses (X-Cache-Status) over this file: ${JSON.stringify(statuses)}`);
  if (nginx && nginx.exitCode === null) {
    const exited = once(nginx, 'exit');
    nginx.kill('SIGQUIT');
    await exited;
  }
  await stopClaimgraph();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Proxied {
  status: number;
  cache: string;
  headers: Headers;
  body: string;
}

/** A GET through nginx, as a browser or a CDN's client sends it; its cache status is counted. */
async function get(params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Proxied> {
  const query = Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`)
    .join('&');
  const response = await fetch(`http://127.0.0.1:${proxyPort}/graphql?${query}`, { headers });
  const cache = response.headers.get('x-cache-status') ?? 'NONE';
  statuses[cache] = (statuses[cache] ?? 0) + 1;
  return { status: response.status, cache, headers: response.headers, body: await response.text() };
}

const PEOPLE = 'query ProxyPeople($first: Int!) { people(first: $first) { nodes { id name } } }';

describe('claimgraph behind nginx proxy_cache', () => {
  it('a repeated GET is a hit, with the same bytes and ETag', async () => {
    const miss = await get({ query: PEOPLE, variables: { first: 2 } });
    const hit = await get({ query: PEOPLE, variables: { first: 2 } });
    expect([miss.status, miss.cache, hit.status, hit.cache]).toEqual([200, 'MISS', 200, 'HIT']);
    expect(hit.body).toBe(miss.body);
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(hit.headers.get('cache-control')).toBe(`public, max-age=${MAX_AGE}`);
  });

  it('two variable sets, and two operations, never share an entry', async () => {
    const one = await get({ query: PEOPLE, variables: { first: 1 } });
    const three = await get({ query: PEOPLE, variables: { first: 3 } });
    const other = await get({ query: '{ people(first: 1) { totalCount } }' });
    expect([one.cache, three.cache, other.cache]).toEqual(['MISS', 'MISS', 'MISS']);
    expect(JSON.parse(one.body).data.people.nodes).toHaveLength(1);
    expect(JSON.parse(three.body).data.people.nodes).toHaveLength(3);
    expect(JSON.parse(other.body).data.people.totalCount).toBeGreaterThan(0);
    for (const [params, body] of [
      [{ query: PEOPLE, variables: { first: 1 } }, one.body],
      [{ query: PEOPLE, variables: { first: 3 } }, three.body],
    ] as const) {
      const again = await get(params);
      expect([again.cache, again.body]).toEqual(['HIT', body]);
    }
  });

  it('another Accept gets its own entry, with its own Content-Type', async () => {
    const params = { query: PEOPLE, variables: { first: 4 } };
    const json = await get(params, { accept: 'application/json' });
    const graphql = await get(params, { accept: 'application/graphql-response+json' });
    expect([json.cache, graphql.cache]).toEqual(['MISS', 'MISS']);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(graphql.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(json.headers.get('vary')).toContain('Accept');
    const graphqlAgain = await get(params, { accept: 'application/graphql-response+json' });
    expect(graphqlAgain.cache).toBe('HIT');
    expect(graphqlAgain.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
  });

  it('never stores an answer with errors', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await get({ query: '{ peeple { totalCount } }' }, { accept: 'application/graphql-response+json' });
      expect([answer.status, answer.cache]).toEqual([400, 'MISS']);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('caches a hashed GET (automatic persisted queries) like any other', async () => {
    const query = '{ people(first: 5) { nodes { id } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await get({ extensions });
    expect([unknown.status, unknown.cache]).toEqual([404, 'MISS']);
    // The client registers the text with a POST, which nginx passes through.
    const registered = await fetch(`http://127.0.0.1:${proxyPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions }),
    });
    expect(registered.status).toBe(200);
    const miss = await get({ extensions });
    const hit = await get({ extensions });
    expect([miss.status, miss.cache, hit.cache]).toEqual([200, 'MISS', 'HIT']);
    expect(hit.body).toBe(await registered.text());
  });

  it('revalidates a stale answer (304 from claimgraph), and gets the new one after a restart on changed data', async () => {
    const params = { query: '{ people(first: 100) { nodes { id name } } }' };
    const before = await get(params);
    expect(before.cache).toBe('MISS');
    await new Promise((resolve) => setTimeout(resolve, (MAX_AGE + 1) * 1000));
    const revalidated = await get(params);
    expect([revalidated.cache, revalidated.body]).toEqual(['REVALIDATED', before.body]);

    // One edit in a copy of the data, which every check of the loader still passes: the people
    // listed in the opposite order (the API lists them in the order of the file).
    const file = join(dataDir, 'entities', 'people.json');
    const people = JSON.parse(readFileSync(file, 'utf8')) as { id: string }[];
    writeFileSync(file, `${JSON.stringify(people.reverse(), null, 2)}\n`);
    await stopClaimgraph();
    await startClaimgraph();

    await new Promise((resolve) => setTimeout(resolve, (MAX_AGE + 1) * 1000));
    const changed = await get(params);
    expect(changed.cache).toBe('EXPIRED'); // revalidated, and claimgraph sent the new answer
    expect(changed.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const ids = (body: string) =>
      (JSON.parse(body) as { data: { people: { nodes: { id: string }[] } } }).data.people.nodes.map((node) => node.id);
    expect(ids(changed.body)).toEqual([...ids(before.body)].reverse());
    const after = await get(params);
    expect([after.cache, after.body]).toEqual(['HIT', changed.body]);
  }, 60_000);
});
