/**
 * The fast lane (src/fast-lane.ts) changes who answers a request, never the answer: once it has
 * learnt a request, it sends Yoga's status, headers and bytes; it never learns what Yoga refused or
 * answered with errors; a request that differs in a byte of its body or URL, or in a header the
 * answer's Vary names, is another request; and what it keeps is bounded in bytes.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import { readOperations } from '../scripts/operations.ts';
import type { Context } from '../src/context.ts';
import type { Corpus } from '../src/data/corpus.ts';
import type { LogEntry, RequestLogEntry } from '../src/plugins/observability.ts';
import { FIXTURE_OPERATIONS_DIR, fixtureCorpus, globalId } from './helpers.ts';
import { configFrom, serve, type TestServer } from './http.ts';

/** The operations written for the fixture, as the exact body a client sends. */
const operations = readOperations(FIXTURE_OPERATIONS_DIR).map(({ name, body }) => ({ name: `fixture/${name}`, body }));

const SETTINGS = {
  'JIT and response cache (the defaults)': {},
  'JIT, no response cache': { CLAIMGRAPH_RESPONSE_CACHE: '0' },
  'graphql-js, no response cache': { CLAIMGRAPH_JIT: '0', CLAIMGRAPH_RESPONSE_CACHE: '0' },
};

interface Lane extends TestServer {
  /** Requests Yoga's pipeline has seen so far; the others were the lane's. */
  yogaRequests(): number;
  log: LogEntry[];
}

let open: Lane[] = [];
afterEach(async () => {
  await Promise.all(open.map((server) => server.close()));
  open = [];
});

async function laneServer(
  env: Record<string, string> = {},
  data: Corpus = fixtureCorpus(),
  plugins: Plugin<Context>[] = [],
): Promise<Lane> {
  let yogaRequests = 0;
  const log: LogEntry[] = [];
  const server = await serve({
    corpus: data,
    config: configFrom(env),
    log: (entry) => log.push(entry),
    plugins: [{ onResponse: () => void yogaRequests++ }, ...plugins],
  });
  const lane = { ...server, yogaRequests: () => yogaRequests, log };
  open.push(lane);
  return lane;
}

/** A request sent with node:http, which adds no header but Host and Connection. */
function plainRequest(origin: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const sent = httpRequest(`${origin}${path}`, {
      method,
      headers: body
        ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
        : headers,
    });
    sent.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Status, headers (less the per-response Date, X-Request-Id, and the Age a cache adds) and body. */
async function whole(response: Response) {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !['date', 'x-request-id', 'age'].includes(name)),
  );
  return { status: response.status, headers, body: await response.text() };
}

describe.each(Object.entries(SETTINGS))('with %s', (_settings, env) => {
  it.each(operations.map((operation) => [operation.name, operation] as const))(
    'answers %s, once learnt, with the status, headers and bytes Yoga sent',
    async (_name, { body }) => {
      const server = await laneServer(env);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await whole(await server.post(body)));
      // Yoga answers twice (the second time, the lane learns); the lane answers the rest.
      expect(server.yogaRequests()).toBe(2);
      const [yoga, ...others] = answers;
      expect(yoga?.status).toBe(200);
      expect(JSON.parse(yoga?.body ?? '')).not.toHaveProperty('errors');
      for (const answer of others) expect(answer).toEqual(yoga);
    },
  );

  it('never learns an answer with errors, nor one Yoga refused', async () => {
    const server = await laneServer(env);
    const failing = [
      { query: '{ node(id: "not a global id") { id } }' }, // 200 with BAD_USER_INPUT
      { query: '{ peeple }' }, // 400, validation
      { query: '{ people { nodes { name } } }', operationName: 'Missing' }, // 400, unknown operation
    ];
    for (const operation of failing) {
      const before = server.yogaRequests();
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await whole(await server.post(operation)));
      expect(server.yogaRequests() - before).toBe(4);
      expect(JSON.parse(answers[0]?.body ?? '')).toHaveProperty('errors');
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    }
  });
});

describe('what makes a request another request', () => {
  const body = JSON.stringify({ query: '{ people(first: 2) { nodes { name } } }' });

  it('the Accept header: each gets the content type it asked for', async () => {
    const server = await laneServer();
    for (const accept of ['application/graphql-response+json', 'application/json', '*/*']) {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await whole(await server.post(body, { accept })));
      expect(new Set(answers.map((answer) => answer.headers['content-type'])).size).toBe(1);
      expect(answers[2]?.headers['content-type']).toBe(
        accept === 'application/graphql-response+json'
          ? 'application/graphql-response+json; charset=utf-8'
          : 'application/json; charset=utf-8',
      );
    }
    expect(server.yogaRequests()).toBe(6);
  });

  it('the Origin header, when CORS is narrowed to a list (Vary: Origin): each origin gets its own answer', async () => {
    const server = await laneServer({ CLAIMGRAPH_CORS_ORIGINS: 'http://localhost:5173,http://127.0.0.1:3000' });
    const answers = new Map<string, Awaited<ReturnType<typeof whole>>[]>();
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'https://evil.example']) {
      answers.set(origin, []);
      for (let i = 0; i < 3; i++) answers.get(origin)?.push(await whole(await server.post(body, { origin })));
    }
    expect(server.yogaRequests()).toBe(6);
    for (const [origin, [yoga, ...lane]] of answers) {
      for (const answer of lane) expect(answer).toEqual(yoga);
      const allowed = lane[0]?.headers['access-control-allow-origin'];
      expect(allowed).toBe(origin === 'https://evil.example' ? undefined : origin);
    }
  });

  it('not the Origin header by default: every origin gets the same answer, Access-Control-Allow-Origin: *', async () => {
    const server = await laneServer();
    const answers = [];
    for (const origin of ['http://localhost:5173', 'https://one.example', 'https://two.example']) {
      answers.push(await whole(await server.post(body, { origin })));
    }
    expect(server.yogaRequests()).toBe(2);
    for (const answer of answers) expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answers[2]).toEqual(answers[1]);
  });

  it('one byte of the body: the same operation with other variables is not the same request', async () => {
    const server = await laneServer();
    const query = 'query Person($id: ID!) { node(id: $id) { ... on Person { name } } }';
    const name = async (id: string) => {
      const response = await server.post({ query, variables: { id: globalId('Person', id) } });
      return ((await response.json()) as { data: { node: { name: string } } }).data.node.name;
    };
    for (let i = 0; i < 3; i++) expect(await name('anna-varga')).toBe('Anna Varga');
    expect(await name('tomas-brenner')).toBe('Tomas Brenner');
    expect(server.yogaRequests()).toBe(3);
  });

  it('not a trace context or a request id: those change with every request', async () => {
    const server = await laneServer();
    for (let i = 0; i < 4; i++) {
      const traced = await server.post(body, {
        traceparent: `00-${String(i).padStart(32, '0')}-${String(i).padStart(16, '0')}-01`,
        'x-request-id': `request-${i}`,
      });
      expect(traced.status).toBe(200);
    }
    expect(server.yogaRequests()).toBe(2);
  });

  it('a header the answer’s Vary names: a plugin that reads one says so, and the lane keys on it', async () => {
    const byTenant: Plugin<Context> = { onResponse: ({ response }) => response.headers.append('vary', 'X-Tenant') };
    const server = await laneServer({}, fixtureCorpus(), [byTenant]);
    for (let i = 0; i < 3; i++) await server.post(body, { 'x-tenant': 'a' });
    expect(server.yogaRequests()).toBe(2);
    await server.post(body, { 'x-tenant': 'b' });
    expect(server.yogaRequests()).toBe(3);
  });

  it('an answer its headers keep private, or fresh for no time, is never the lane’s', async () => {
    const mine: Plugin<Context> = {
      onResponse: ({ response }) => response.headers.set('cache-control', 'private, max-age=60'),
    };
    for (const server of [
      await laneServer({}, fixtureCorpus(), [mine]),
      await laneServer({ CLAIMGRAPH_HTTP_MAX_AGE: '0' }),
    ]) {
      for (let i = 0; i < 4; i++) expect((await server.post(body)).status).toBe(200);
      expect(server.yogaRequests()).toBe(4);
    }
  });

  it('If-None-Match: the lane answers 304 to a GET holding the answer’s tag, 412 to a POST, in full otherwise', async () => {
    const server = await laneServer();
    const path = `/graphql?query=${encodeURIComponent('{ people(first: 2) { nodes { name } } }')}`;
    let etag = '';
    for (let i = 0; i < 3; i++) etag = (await fetch(server.origin + path)).headers.get('etag') ?? '';
    for (let i = 0; i < 3; i++) await server.post(body);
    const postTag = (await server.post(body)).headers.get('etag') ?? '';
    const before = server.yogaRequests();
    // As a proxy revalidates: node:http adds no header of its own. Accept is the one Vary names.
    const revalidated = await plainRequest(server.origin, 'GET', path, {
      accept: '*/*',
      'if-none-match': `"other", W/${etag}`,
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.body).toBe('');
    expect((await plainRequest(server.origin, 'GET', path, { accept: '*/*', 'if-none-match': '"other"' })).status).toBe(
      200,
    );
    const post = await plainRequest(
      server.origin,
      'POST',
      '/graphql',
      { accept: 'application/graphql-response+json', 'if-none-match': postTag },
      body,
    );
    expect(post.status).toBe(412);
    expect(server.yogaRequests()).toBe(before);
    // fetch adds Cache-Control: no-cache to a conditional request: the lane revalidates with Yoga.
    const fetched = await fetch(server.origin + path, { headers: { 'if-none-match': etag } });
    expect(fetched.status).toBe(304);
    expect(server.yogaRequests()).toBe(before + 1);
  });

  it('a body over the server’s body limit stays with Yoga, which refuses it', async () => {
    const server = await laneServer({ CLAIMGRAPH_MAX_BODY_BYTES: '1000' });
    const long = JSON.stringify({ query: `{ people(first: 1) { totalCount } }\n#${' '.repeat(1500)}` });
    for (let i = 0; i < 3; i++) expect((await server.post(long)).status).toBe(413);
    expect(server.yogaRequests()).toBe(3);
  });

  it('a body over 16 KiB stays with Yoga', async () => {
    const server = await laneServer();
    const padded = JSON.stringify({ query: `{ people(first: 1) { totalCount } }\n#${' '.repeat(17 * 1024)}` });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await whole(await server.post(padded)));
    expect(server.yogaRequests()).toBe(4);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});

describe('answers from the lane', () => {
  const body = JSON.stringify({ query: 'query PeopleCount { people { totalCount } }' });

  it('carry a request id, the client’s when it is sensible, and are logged like any other', async () => {
    const server = await laneServer({ CLAIMGRAPH_LOG_SAMPLE_RATE: '1' });
    for (let i = 0; i < 2; i++) await server.post(body);
    const sensible = await server.post(body, { 'x-request-id': 'trace-42' });
    const strange = await server.post(body, { 'x-request-id': 'no spaces allowed' });
    expect(server.yogaRequests()).toBe(2);
    expect(sensible.headers.get('x-request-id')).toBe('trace-42');
    expect(strange.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const requests = server.log.filter((entry): entry is RequestLogEntry => entry.msg === 'request');
    expect(requests).toHaveLength(4);
    for (const entry of requests) {
      expect(entry).toMatchObject({ method: 'POST', path: '/graphql', operationName: 'PeopleCount', status: 200 });
    }
    expect(requests.slice(2).map((entry) => entry.requestId)).toEqual([
      'trace-42',
      strange.headers.get('x-request-id'),
    ]);
  });

  it('without the response cache, are executed afresh: a failing execution goes back to Yoga', async () => {
    let broken = false;
    const real = fixtureCorpus();
    const flaky = new Proxy(real, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (broken) throw new Error('the corpus is unavailable');
          return value.apply(target, args);
        };
      },
    });
    const server = await laneServer({ CLAIMGRAPH_RESPONSE_CACHE: '0' }, flaky);
    const learnt = [];
    for (let i = 0; i < 3; i++) learnt.push(await whole(await server.post(body)));
    expect(server.yogaRequests()).toBe(2);
    expect(learnt[2]).toEqual(learnt[0]);

    broken = true;
    const answer = await server.post(body);
    expect(server.yogaRequests()).toBe(3);
    expect(await answer.json()).toEqual({
      data: null,
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 21 }],
          path: ['people'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
      extensions: { cost: { requested: 1, limit: 500_000 } },
    });
  });

  it('are kept within CLAIMGRAPH_FAST_LANE_BYTES, the least recently used forgotten first', async () => {
    // Each of these answers takes about 2.2 KB of the budget: two fit, not three.
    const server = await laneServer({ CLAIMGRAPH_FAST_LANE_BYTES: '5000' });
    const request = (n: number) => JSON.stringify({ query: `{ people(first: ${n}) { totalCount } }` });
    const yogaAnswers = async (n: number) => {
      const before = server.yogaRequests();
      expect((await server.post(request(n))).status).toBe(200);
      return server.yogaRequests() - before;
    };
    for (const n of [1, 2]) for (let i = 0; i < 2; i++) await yogaAnswers(n); // learnt: 1, 2
    expect(await yogaAnswers(1)).toBe(0);
    expect(await yogaAnswers(2)).toBe(0);
    for (let i = 0; i < 2; i++) await yogaAnswers(3); // learnt: 2, 3; 1 is forgotten
    expect(await yogaAnswers(3)).toBe(0);
    expect(await yogaAnswers(2)).toBe(0);
    expect(await yogaAnswers(1)).toBe(1);
    // Requests met once each push one another out of their own cache, not the learnt ones.
    for (const n of [4, 5, 6, 7, 8, 9]) await yogaAnswers(n);
    expect(await yogaAnswers(2)).toBe(0);
    expect(await yogaAnswers(3)).toBe(0);
    const metrics = await (await fetch(`${server.origin}/metrics`)).text();
    const held = Number(metrics.match(/claimgraph_cache_bytes\{cache="fast_lane"\} (\d+)/)?.[1]);
    expect(held).toBeGreaterThan(2000);
    expect(held).toBeLessThanOrEqual(5000);
  });

  it('never keep an answer larger than CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES', async () => {
    const server = await laneServer({ CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES: '100' });
    const small = JSON.stringify({ query: '{ people(first: 1) { totalCount } }' });
    const large = JSON.stringify({ query: '{ people(first: 5) { nodes { id name } } }' });
    for (let i = 0; i < 3; i++) await server.post(small);
    expect(server.yogaRequests()).toBe(2);
    for (let i = 0; i < 3; i++) expect((await server.post(large)).status).toBe(200);
    expect(server.yogaRequests()).toBe(5);
  });

  it('answer GETs too, with the status, headers and bytes Yoga sent', async () => {
    const server = await laneServer();
    const url = `${server.url}?query=${encodeURIComponent('{ people(first: 2) { nodes { name } } }')}`;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await whole(await fetch(url)));
    expect(server.yogaRequests()).toBe(2);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('with the fast lane off, every request goes through Yoga', async () => {
    const server = await laneServer({ CLAIMGRAPH_FAST_LANE: '0' });
    for (let i = 0; i < 4; i++) expect((await server.post(body)).status).toBe(200);
    expect(server.yogaRequests()).toBe(4);
  });
});
