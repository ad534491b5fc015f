/**
 * The HTTP surface over a real server: GraphQL-over-HTTP compliance (graphql-http's server
 * audits), GET and CSRF prevention, CORS, GraphiQL, trusted operations, and what errors reveal in
 * production.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/data/corpus.ts';
import type { LogEntry } from '../src/plugins/observability.ts';
import type { TrustedOperation } from '../src/plugins/security.ts';
import { articleCorpus, fixtureCorpus, searchFor } from './helpers.ts';
import { configFrom, serve, type TestServer } from './http.ts';

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(() => server.close());

  const audits = serverAudits({ url: () => server.url });
  it.each(audits.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });

  it('reports the counts: every MUST, SHOULD and MAY passes', async () => {
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const counts = (level: string) => {
      const ofLevel = results.filter((result: AuditResult) => result.name.startsWith(`${level} `));
      return `${ofLevel.filter((result) => result.status === 'ok').length}/${ofLevel.length}`;
    };
    const summary = { MUST: counts('MUST'), SHOULD: counts('SHOULD'), MAY: counts('MAY') };
    console.log(`graphql-http audits passed: ${JSON.stringify(summary)}`);
    for (const passed of Object.values(summary)) expect(passed.split('/')[0]).toBe(passed.split('/')[1]);
  });
});

describe('GET and CSRF', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(() => server.close());

  const get = (query: string, headers: Record<string, string> = {}, target = server) =>
    fetch(`${target.url}?query=${encodeURIComponent(query)}`, { headers });

  it('answers a GET with no extra header, as a browser, a CDN or urql sends it', async () => {
    const response = await get('{ __typename }');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
  });

  it('never runs a mutation over GET', async () => {
    const response = await get('mutation { __typename }', { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it.each([
    ['text/plain', JSON.stringify({ query: '{ __typename }' })],
    ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n',
    ],
  ])('refuses a POST a browser form can send: %s', async (type, body) => {
    const response = await server.post(body, { 'content-type': type });
    expect(response.status).toBe(415);
    const answer = await response.json();
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: `Unsupported content type "${type}": send the operation as JSON with content-type application/json.`,
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      },
    ]);
  });

  it('with CLAIMGRAPH_CSRF_PREVENTION=true, a GET must carry the header, which the error names', async () => {
    const guarded = await serve({ config: configFrom({ CLAIMGRAPH_CSRF_PREVENTION: 'true' }) });
    try {
      const refused = await get('{ __typename }', {}, guarded);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message:
              'This server requires the header x-graphql-yoga-csrf (any value) on GET requests and on POSTs that are not JSON.',
            extensions: { code: 'CSRF_HEADER_REQUIRED' },
          },
        ],
      });
      const withHeader = await get('{ __typename }', { 'x-graphql-yoga-csrf': '1' }, guarded);
      expect(await withHeader.json()).toEqual({
        data: { __typename: 'Query' },
        extensions: { cost: { requested: 0, limit: 500_000 } },
      });
      const form = await guarded.post({ query: '{ __typename }' }, { 'content-type': 'text/plain' });
      expect(form.status).toBe(403);
      expect((await guarded.post({ query: '{ __typename }' })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('refuses to start on a malformed CLAIMGRAPH_CSRF_PREVENTION', () => {
    expect(() => configFrom({ CLAIMGRAPH_CSRF_PREVENTION: 'yes' })).toThrow(/CLAIMGRAPH_CSRF_PREVENTION/);
  });
});

describe('CORS', () => {
  const preflight = (server: TestServer, origin: string) =>
    fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it.each([
    ['by default', {}],
    ['in production', { NODE_ENV: 'production' }],
  ])('%s, lets any origin read, without credentials', async (_mode, env) => {
    const server = await serve({ config: configFrom(env) });
    try {
      const allowed = await preflight(server, 'https://any.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
      expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

      const answer = await server.post({ query: '{ __typename }' }, { origin: 'https://any.example' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect(answer.headers.get('access-control-expose-headers')).toBe('x-request-id');
      // The same for every origin: nothing for a cache to key on.
      expect(answer.headers.get('vary')).toBe('Accept');
    } finally {
      await server.close();
    }
  });

  it('CLAIMGRAPH_CORS_ORIGINS narrows it to a list, and then every answer varies by Origin', async () => {
    const listed = await serve({
      config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_CORS_ORIGINS: 'https://app.example' }),
    });
    try {
      expect((await preflight(listed, 'https://app.example')).headers.get('access-control-allow-origin')).toBe(
        'https://app.example',
      );
      const other = await listed.post({ query: '{ __typename }' }, { origin: 'https://other.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const allowed = await listed.post({ query: '{ __typename }' }, { origin: 'https://app.example' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(allowed.headers.get('access-control-expose-headers')).toBe('x-request-id');
      // An answer to a request without Origin must not be reused for an origin on the list.
      const noOrigin = await listed.post({ query: '{ __typename }' });
      for (const answer of [other, allowed, noOrigin]) expect(answer.headers.get('vary')).toBe('Origin, Accept');
    } finally {
      await listed.close();
    }
  });
});

describe('GraphiQL', () => {
  const page = (server: TestServer) => fetch(server.url, { headers: { accept: 'text/html' } });

  it('is served outside production', async () => {
    const server = await serve();
    try {
      const response = await page(server);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>claimgraph</title>');
    } finally {
      await server.close();
    }
  });

  it('is compressed as Accept-Encoding offers, and revalidated with its ETag (304, no body)', async () => {
    const server = await serve();
    try {
      const visit = (encoding: string, etag?: string) =>
        fetch(server.url, {
          headers: { accept: 'text/html', 'accept-encoding': encoding, ...(etag && { 'if-none-match': etag }) },
        });
      const plain = await visit('identity');
      const size = Number(plain.headers.get('content-length'));
      expect(await plain.text()).toContain('<title>claimgraph</title>');
      const tags = new Set([plain.headers.get('etag')]);
      for (const [offered, chosen] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0.5, gzip', 'gzip'],
      ]) {
        const page = await visit(offered as string);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-encoding')).toBe(chosen);
        expect(Number(page.headers.get('content-length'))).toBeLessThan(size / 3);
        expect(page.headers.get('cache-control')).toBe('no-cache');
        expect(page.headers.get('vary')).toBe('Accept, Accept-Encoding');
        expect(await page.text()).toContain('<title>claimgraph</title>');
        const etag = page.headers.get('etag') ?? '';
        tags.add(etag);
        const again = await visit(offered as string, etag);
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
      }
      // One tag per encoding: a strong tag names exact bytes.
      expect(tags.size).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('is off in production unless CLAIMGRAPH_GRAPHIQL=true', async () => {
    const off = await serve({ config: configFrom({ NODE_ENV: 'production' }) });
    const on = await serve({ config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_GRAPHIQL: 'true' }) });
    try {
      const response = await page(off);
      expect(response.status).toBe(406);
      expect(await response.text()).toBe('');
      expect(await (await page(on)).text()).toContain('<title>claimgraph</title>');
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });
});

describe('trusted operations only', () => {
  const operations: TrustedOperation[] = JSON.parse(
    readFileSync(new URL('../trusted-operations.json', import.meta.url), 'utf8'),
  );
  let server: TestServer;
  beforeAll(async () => {
    // The trusted operations are the examples, which ask the article's questions.
    server = await serve({
      corpus: articleCorpus(),
      config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY: 'true' }),
    });
  });
  afterAll(() => server.close());

  const byHash = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

  it.each(operations.map((operation) => [operation.file, operation] as const))(
    'runs %s sent by hash',
    async (_file, operation) => {
      const response = await server.post(byHash(operation.sha256));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data).toBeTruthy();
    },
  );

  it('refuses a query sent as text, even one on the list', async () => {
    const response = await server.post({ query: operations[0]?.document });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'This server accepts only trusted operations: send extensions.persistedQuery { version: 1, sha256Hash } instead of a query.',
          extensions: { code: 'TRUSTED_OPERATIONS_ONLY' },
        },
      ],
    });
  });

  it('refuses an unknown hash', async () => {
    const response = await server.post(byHash('0'.repeat(64)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'No trusted operation has this sha256Hash.', extensions: { code: 'TRUSTED_OPERATION_NOT_FOUND' } },
      ],
    });
  });

  it('registers no query by hash: automatic persisted queries are off in this mode', async () => {
    const query = '{ __typename }';
    const hash = createHash('sha256').update(query).digest('hex');
    const register = await server.post({ query, ...byHash(hash) });
    expect(register.status).toBe(400);
    expect((await register.json()).errors[0].extensions.code).toBe('TRUSTED_OPERATIONS_ONLY');
    const again = await server.post(byHash(hash));
    expect((await again.json()).errors[0].extensions.code).toBe('TRUSTED_OPERATION_NOT_FOUND');
  });

  it('the allow-list is up to date with examples/', async () => {
    const { spawnSync } = await import('node:child_process');
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/trusted-operations.ts', '--check'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('errors in production', () => {
  /** A corpus whose every lookup fails the way a bug would, with internals in the message. */
  const broken = new Proxy(fixtureCorpus(), {
    get(target, property, receiver) {
      if (property === 'all' || property === 'related') {
        return () => {
          throw new Error('index corrupted at /srv/claimgraph/data/entities/people.yaml');
        };
      }
      return Reflect.get(target, property, receiver);
    },
  }) as Corpus;

  it('are masked: no message, no stack, no internals; the log keeps them', async () => {
    const entries: LogEntry[] = [];
    const log = (entry: LogEntry) => void entries.push(entry);
    const server = await serve({
      corpus: broken,
      search: searchFor(fixtureCorpus()),
      config: configFrom({ NODE_ENV: 'production' }),
      log,
    });
    try {
      const response = await server.post({ query: '{ people { totalCount } }' });
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        data: null,
        errors: [
          {
            message: 'Unexpected error.',
            locations: [{ line: 1, column: 3 }],
            path: ['people'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
        extensions: { cost: { requested: 1, limit: 500_000 } },
      });
      expect(text).not.toMatch(/srv|stack|corrupted/);
      const logged = entries.find((entry) => entry.level === 'error' && 'error' in entry);
      expect(logged).toMatchObject({ msg: expect.stringContaining('index corrupted') });
      expect(logged && 'error' in logged && logged.error?.stack).toContain('http.test.ts');
    } finally {
      await server.close();
    }
  });

  it('keep the original message in development, where it helps', async () => {
    const server = await serve({
      corpus: broken,
      search: searchFor(fixtureCorpus()),
      config: configFrom({ NODE_ENV: 'development' }),
      log: () => {},
    });
    try {
      const response = await server.post({ query: '{ people { totalCount } }' });
      expect(await response.text()).toContain('index corrupted');
    } finally {
      await server.close();
    }
  });

  it('carry no field suggestions in production', async () => {
    const server = await serve({ config: configFrom({ NODE_ENV: 'production' }) });
    try {
      const response = await server.post({ query: '{ peeple { totalCount } }' });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.errors.map((error: { message: string }) => error.message)).toEqual([
        'Cannot query field "peeple" on type "Query".',
      ]);
    } finally {
      await server.close();
    }
  });
});
