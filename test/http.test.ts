/**
 * The HTTP surface over a real server: GraphQL-over-HTTP compliance (graphql-http's server
 * audits), CSRF prevention, CORS, GraphiQL, trusted operations, and what errors reveal in
 * production.
 */
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
  const required = audits.filter((audit) => !audit.name.startsWith('MAY'));

  it.each(required.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });

  it('reports the counts: every MUST and SHOULD passes', async () => {
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const counts = (level: string) => {
      const ofLevel = results.filter((result: AuditResult) => result.name.startsWith(`${level} `));
      return `${ofLevel.filter((result) => result.status === 'ok').length}/${ofLevel.length}`;
    };
    const summary = { MUST: counts('MUST'), SHOULD: counts('SHOULD'), MAY: counts('MAY') };
    console.log(`graphql-http audits passed: ${JSON.stringify(summary)}`);
    const failedMay = results.filter((result) => result.status !== 'ok').map((result) => result.name);
    if (failedMay.length > 0) console.log(`not passed (MAY only): ${failedMay.join('; ')}`);
    expect(summary.MUST.split('/')[0]).toBe(summary.MUST.split('/')[1]);
    expect(summary.SHOULD.split('/')[0]).toBe(summary.SHOULD.split('/')[1]);
  });
});

describe('CSRF prevention', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(() => server.close());

  it('refuses a GET without the CSRF header, which a cross-site form or image could send', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ people { totalCount } }')}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errors: [{ message: 'Required CSRF header(s) not present' }] });
  });

  it('answers a GET with the header', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ people { totalCount } }')}`, {
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ people: { totalCount: 7 } });
  });

  it('refuses a text/plain POST (a form can send one) without the header', async () => {
    const response = await server.post({ query: '{ __typename }' }, { 'content-type': 'text/plain' });
    expect(response.status).toBe(403);
  });
});

describe('CORS', () => {
  const preflight = (server: TestServer, origin: string) =>
    fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('by default, outside production, allows localhost origins only', async () => {
    const server = await serve();
    try {
      const local = await preflight(server, 'http://localhost:5173');
      expect(local.status).toBe(204);
      expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(local.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(local.headers.get('access-control-allow-credentials')).toBeNull();

      const foreign = await server.post({ query: '{ __typename }' }, { origin: 'https://evil.example' });
      expect(foreign.status).toBe(200);
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      expect(foreign.headers.get('vary')).toContain('Origin');
    } finally {
      await server.close();
    }
  });

  it('in production, allows no origin unless CLAIMGRAPH_CORS_ORIGINS lists it', async () => {
    const closed = await serve({ config: configFrom({ NODE_ENV: 'production' }) });
    const listed = await serve({
      config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_CORS_ORIGINS: 'https://app.example' }),
    });
    try {
      expect((await preflight(closed, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(listed, 'https://app.example')).headers.get('access-control-allow-origin')).toBe(
        'https://app.example',
      );
      const other = await listed.post({ query: '{ __typename }' }, { origin: 'https://other.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const allowed = await listed.post({ query: '{ __typename }' }, { origin: 'https://app.example' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(allowed.headers.get('access-control-expose-headers')).toBe('x-request-id');
    } finally {
      await Promise.all([closed.close(), listed.close()]);
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
