/**
 * Each limit at its boundary (the limit itself passes, one more is rejected with its code), the
 * depth counted in levels of objects, the settings read from the environment, and every example
 * operation passing every default limit. test/cost.test.ts tests the cost model and its limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';
import { createClaimgraphYoga } from '../src/yoga.ts';
import { articleCorpus, fixtureCorpus, globalId, searchFor } from './helpers.ts';
import { configFrom } from './http.ts';

function yogaWith(env: Record<string, string> = {}, corpus = fixtureCorpus()) {
  const yoga = createClaimgraphYoga({ corpus, search: searchFor(corpus), config: configFrom(env) });
  return async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: { code?: string } }[];
    };
    return { status: response.status, body, codes: body.errors?.map((error) => error.extensions.code) ?? [] };
  };
}

describe('limits', () => {
  it('depth: 10 levels pass, 11 are QUERY_TOO_DEEP; an inline fragment adds no level', async () => {
    const run = yogaWith();
    // node(1) > [... on Person] > accusationsMade(2) > nodes(3) > accused(4) > actor(5) > [... on Person] >
    // accusationsMade(6) > nodes(7) > evidence(8) > sentence(9) > text(10)
    // Ilse Marten, of the fixture, made an accusation: the ten levels resolve.
    const ten = `{ node(id: "${globalId('Person', 'ilse-marten')}") { ... on Person { accusationsMade(first: 1) { nodes {
      accused { actor { ... on Person { accusationsMade(first: 1) { nodes { evidence { sentence { text } } } } } } } } } } } }`;
    const passed = await run(ten);
    expect(passed.codes).toEqual([]);
    expect(passed.body.data).toEqual({ node: { accusationsMade: { nodes: [{ accused: [{ actor: {} }] }] } } });
    const eleven = ten.replace('sentence { text }', 'sentence { article { title } }');
    const result = await run(eleven);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Query depth limit of 10 exceeded, found 11.');
    expect(result.codes).toEqual(['QUERY_TOO_DEEP']);
  });

  it('depth: `edges { node }` is one level, as `nodes` is, and named fragments add none', async () => {
    const run = yogaWith();
    const ten = `{ people(first: 1) { nodes { accusationsMade(first: 1) { nodes { accused { actor {
      ... on Person { accusationsMade(first: 1) { nodes { evidence { exact } } } } } } } } } } }`;
    // Written the Relay way, with edges and cursors. (graphql-armor's count, used before, counted
    // edges and node apart and each fragment as a level: it found 11 for `ten`, 14 for `relay` and
    // for `fragments`.)
    const relay = ten
      .replaceAll('nodes {', 'edges { cursor node {')
      .replaceAll('} } } } } } } } } } }', `${'} '.repeat(14)}`);
    expect((await run(relay)).codes).toEqual([]);
    const eleven = await run(relay.replace('evidence { exact }', 'evidence { sentence { text } }'));
    expect(eleven.body.errors?.[0]?.message).toBe('Query depth limit of 10 exceeded, found 11.');
    // With fragments, as Relay writes documents.
    const fragments = `query Deep { people(first: 1) { nodes { ...Made } } }
      fragment Made on Person { accusationsMade(first: 1) { nodes { accused { actor { ...Again } } } } }
      fragment Again on Actor { accusationsMade(first: 1) { nodes { evidence { exact } } } }`;
    expect((await run(fragments)).codes).toEqual([]);
    const deeper = await run(fragments.replace('evidence { exact }', 'evidence { sentence { text } }'));
    expect(deeper.body.errors?.[0]?.message).toBe('Query depth limit of 10 exceeded, found 11.');
  });

  it('aliases: 15 pass, 16 are TOO_MANY_ALIASES', async () => {
    const run = yogaWith();
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: people { totalCount }`).join(' ')} }`;
    expect((await run(aliases(15))).codes).toEqual([]);
    const result = await run(aliases(16));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Aliases limit of 15 exceeded, found 16.');
    expect(result.codes).toEqual(['TOO_MANY_ALIASES']);
  });

  it('tokens: a limit of 20 lets 20 through and rejects 21 with TOO_MANY_TOKENS', async () => {
    const run = yogaWith({ CLAIMGRAPH_MAX_TOKENS: '20' });
    // `{`, `people`, `{`, `totalCount`, `}`, `}` = 6 tokens; each `__typename` adds 1.
    const query = (n: number) => `{ people { totalCount } ${'__typename '.repeat(n - 6)}}`;
    expect((await run(query(20))).codes).toEqual([]);
    const result = await run(query(21));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Token limit of 20 exceeded.');
    expect(result.codes).toEqual(['TOO_MANY_TOKENS']);
  });

  it('directives: 50 pass, 51 are TOO_MANY_DIRECTIVES', async () => {
    const run = yogaWith();
    const query = (n: number) => `{ ${'__typename @include(if: true) '.repeat(n)}}`;
    expect((await run(query(50))).codes).toEqual([]);
    const result = await run(query(51));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Directives limit of 50 exceeded, found 51.');
    expect(result.codes).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it('a page size out of range gets the pagination error, not a cost error', async () => {
    const run = yogaWith();
    const result = await run('{ people(first: 1000000) { totalCount } }');
    expect(result.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('introspection (as GraphiQL sends it) passes every limit', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await yogaWith()(getIntrospectionQuery());
    expect(result.codes).toEqual([]);
    expect(result.status).toBe(200);
  });
});

// The example operations ask the article's questions: they run on the article.
describe('every example operation passes the default limits', () => {
  const examples = new URL('../examples/', import.meta.url);
  const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((path) =>
    path.endsWith('.graphql'),
  );

  it('finds the examples', () => {
    expect(files).toContain('operations/DroneAccusations.graphql');
  });

  it.each(files)('%s', async (file) => {
    const run = yogaWith({ NODE_ENV: 'production' }, articleCorpus());
    const result = await run(readFileSync(new URL(file, examples), 'utf8'));
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });
});

describe('settings from the environment', () => {
  const MiB = 1024 * 1024;
  it('defaults: no looser than graphql-armor', () => {
    expect(loadConfig({})).toEqual({
      listen: { port: 4000, host: '0.0.0.0' },
      dataDir: undefined,
      production: false,
      development: false,
      limits: {
        depth: 10,
        aliases: 15,
        tokens: 1000,
        directives: 50,
        cost: 500_000,
        bodyBytes: 100_000,
        executionMs: 5_000,
      },
      http: {
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 20_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1_000,
        shutdownGraceMs: 25_000,
      },
      corsOrigins: ['*'],
      graphiql: true,
      trustedOperationsOnly: false,
      csrfPrevention: false,
      apq: true,
      httpCache: { maxAge: 60, staleWhileRevalidate: 60 },
      memory: {
        responseCache: 64 * MiB,
        fastLane: 32 * MiB,
        maxEntry: MiB,
        apq: 8 * MiB,
        documents: 32 * MiB,
        jit: 64 * MiB,
        costs: 4 * MiB,
        operationNames: 2 * MiB,
      },
      performance: { jit: true, responseCache: true, fastLane: true },
      introspection: true,
      introspectionToken: undefined,
      metrics: { port: undefined, token: undefined, maxOperations: 100 },
      log: { level: 'info', sampleRate: 0.01 },
    });
  });

  it.each([
    'CLAIMGRAPH_RESPONSE_CACHE_BYTES',
    'CLAIMGRAPH_FAST_LANE_BYTES',
    'CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES',
    'CLAIMGRAPH_APQ_BYTES',
    'CLAIMGRAPH_DOCUMENT_CACHE_BYTES',
    'CLAIMGRAPH_JIT_CACHE_BYTES',
    'CLAIMGRAPH_COST_CACHE_BYTES',
    'CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES',
    'CLAIMGRAPH_HTTP_MAX_AGE',
    'CLAIMGRAPH_HTTP_STALE_WHILE_REVALIDATE',
  ])('refuses a malformed %s, naming it', (name) => {
    for (const value of ['-1', '64MB', '1.5']) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^invalid environment: ${name}: `));
    }
  });

  it('production turns GraphiQL off unless CLAIMGRAPH_GRAPHIQL turns it on', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CLAIMGRAPH_GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      CLAIMGRAPH_MAX_DEPTH: '7',
      CLAIMGRAPH_MAX_ALIASES: '5',
      CLAIMGRAPH_MAX_TOKENS: '300',
      CLAIMGRAPH_MAX_DIRECTIVES: '10',
      CLAIMGRAPH_MAX_COST: '5000',
      CLAIMGRAPH_MAX_BODY_BYTES: '2048',
      CLAIMGRAPH_CORS_ORIGINS: 'https://a.example, https://b.example',
      CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY: '1',
      PORT: '8080',
      HOST: '127.0.0.1',
      CLAIMGRAPH_DATA_DIR: '/srv/claimgraph',
      CLAIMGRAPH_EXECUTION_TIMEOUT_MS: '750',
      CLAIMGRAPH_HEADERS_TIMEOUT_MS: '3000',
      CLAIMGRAPH_REQUEST_TIMEOUT_MS: '6000',
      CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS: '65000',
      CLAIMGRAPH_MAX_CONNECTIONS: '64',
      CLAIMGRAPH_SHUTDOWN_GRACE_MS: '30000',
      CLAIMGRAPH_INTROSPECTION: 'false',
      CLAIMGRAPH_INTROSPECTION_TOKEN: 'a-gateway-token-of-some-length',
      CLAIMGRAPH_METRICS_PORT: '9100',
      CLAIMGRAPH_METRICS_TOKEN: 'a-metrics-token-of-some-length',
      CLAIMGRAPH_METRICS_MAX_OPERATIONS: '20',
      CLAIMGRAPH_LOG_LEVEL: 'warn',
      CLAIMGRAPH_LOG_SAMPLE_RATE: '0.5',
    });
    expect(config.listen).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(config.dataDir).toBe('/srv/claimgraph');
    expect(config.limits).toEqual({
      depth: 7,
      aliases: 5,
      tokens: 300,
      directives: 10,
      cost: 5000,
      bodyBytes: 2048,
      executionMs: 750,
    });
    expect(config.http).toEqual({
      headersTimeoutMs: 3000,
      requestTimeoutMs: 6000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 64,
      shutdownGraceMs: 30_000,
    });
    expect(config.introspection).toBe(false);
    expect(config.introspectionToken).toBe('a-gateway-token-of-some-length');
    expect(config.metrics).toEqual({ port: 9100, token: 'a-metrics-token-of-some-length', maxOperations: 20 });
    expect(config.log).toEqual({ level: 'warn', sampleRate: 0.5 });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustedOperationsOnly).toBe(true);
  });

  it('refuses a malformed value, naming the variable', () => {
    expect(() => loadConfig({ CLAIMGRAPH_MAX_DEPTH: 'deep' })).toThrow(ConfigError);
    expect(() => loadConfig({ CLAIMGRAPH_MAX_DEPTH: '-3' })).toThrow(/CLAIMGRAPH_MAX_DEPTH/);
    expect(() => loadConfig({ CLAIMGRAPH_GRAPHIQL: 'yes please' })).toThrow(/CLAIMGRAPH_GRAPHIQL/);
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ CLAIMGRAPH_LOG_SAMPLE_RATE: '2' })).toThrow(/CLAIMGRAPH_LOG_SAMPLE_RATE/);
    expect(() => loadConfig({ CLAIMGRAPH_LOG_LEVEL: 'verbose' })).toThrow(/CLAIMGRAPH_LOG_LEVEL/);
    expect(() => loadConfig({ CLAIMGRAPH_METRICS_TOKEN: 'short' })).toThrow(
      /CLAIMGRAPH_METRICS_TOKEN: must be at least 16 characters/,
    );
  });
});
