/**
 * The production profile: a mistyped NODE_ENV or setting refuses to start, naming the variable; in
 * production no error suggests a name or echoes the request; introspection (and the subgraph SDL)
 * can be turned off, with a token for a gateway; /metrics moves to its own port or behind a token.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';
import { createClaimgraph } from '../src/yoga.ts';
import { fixtureCorpus, searchFor } from './helpers.ts';
import { configFrom, listen, serve } from './http.ts';
import { refusal, startServer } from './process.ts';

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('settings that refuse to start', () => {
  it('NODE_ENV=prod (a typo): refused, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(
      'invalid environment: NODE_ENV: must be production, development or test, or unset',
    );
    for (const value of ['production', 'development', 'test', ''])
      expect(() => loadConfig({ NODE_ENV: value })).not.toThrow();
  });

  it('a CLAIMGRAPH_* variable that is no setting (CLAIMGRAPH_MAX_DEPHT): refused, naming it', () => {
    expect(() => loadConfig({ CLAIMGRAPH_MAX_DEPHT: '5' })).toThrow(
      'invalid environment: CLAIMGRAPH_MAX_DEPHT: not a setting of claimgraph (docs/production.md lists them)',
    );
  });

  it('settings that cannot hold together: headers timeout over the request timeout, /metrics on PORT', () => {
    expect(() =>
      loadConfig({ CLAIMGRAPH_HEADERS_TIMEOUT_MS: '30000', CLAIMGRAPH_REQUEST_TIMEOUT_MS: '20000' }),
    ).toThrow(/CLAIMGRAPH_HEADERS_TIMEOUT_MS: must not exceed CLAIMGRAPH_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ PORT: '9464', NODE_ENV: 'production' })).toThrow(
      /CLAIMGRAPH_METRICS_PORT: \/metrics would take PORT 9464/,
    );
  });

  it('the server process says so in one line and exits 1', () => {
    const typo = refusal({ NODE_ENV: 'prod' });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toBe(
      'claimgraph: refusing to start, invalid environment: NODE_ENV: must be production, development or test, or unset\n',
    );
    const unknown = refusal({ CLAIMGRAPH_FAST_LANES: '0' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('CLAIMGRAPH_FAST_LANES: not a setting of claimgraph');
  });
});

describe('production errors: no suggestions, no echo of the request', () => {
  const cases: [string, unknown][] = [
    ['a field', { query: '{ peeple { totalCount } }' }],
    ['an argument', { query: '{ people(frist: 1) { totalCount } }' }],
    ['a type', { query: 'query($c: ItemCategori) { accusations(itemCategory: $c) { totalCount } }' }],
    ['an enum value, as a literal', { query: '{ accusations(itemCategory: DRONES) { totalCount } }' }],
    [
      'an enum value, in a variable',
      { query: 'query($c: ItemCategory) { accusations(itemCategory: $c) { totalCount } }', variables: { c: 'DRONES' } },
    ],
    ['a fragment type', { query: '{ node(id: "x") { name } }' }],
  ];

  it.each(cases)('%s: suggested outside production, not in production', async (_what, body) => {
    const development = await serve({ config: configFrom({ NODE_ENV: 'development' }) });
    const production = await serve({ config: configFrom({ NODE_ENV: 'production' }) });
    try {
      const hinted = (await (await development.post(body)).json()) as Body;
      expect(hinted.errors?.map((error) => error.message).join(' ')).toContain('Did you mean');
      const response = await production.post(body);
      expect(response.status).toBe(400);
      const plain = (await response.json()) as Body;
      expect(plain.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(plain)).not.toContain('Did you mean');
      for (const error of plain.errors ?? []) expect(error.extensions?.code).toEqual(expect.any(String));
    } finally {
      await Promise.all([development.close(), production.close()]);
    }
  });

  it('invalid JSON: the error quotes nothing of the body in production', async () => {
    const body = '{"query": "{ people secret-words-of-the-body';
    const development = await serve({ config: configFrom({ NODE_ENV: 'development' }) });
    const production = await serve({ config: configFrom({ NODE_ENV: 'production' }) });
    try {
      expect(await (await development.post(body)).text()).toContain('secret-words-of-the-body');
      const response = await production.post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
    } finally {
      await Promise.all([development.close(), production.close()]);
    }
  });
});

describe('introspection switch', () => {
  const TOKEN = 'gateway-token-0123456789';
  const introspection = {
    schema: '{ __schema { queryType { name } } }',
    type: '{ __type(name: "Person") { name } }',
    sdl: '{ _service { sdl } }',
  };

  it('on by default, in production too: the schema of this public API is published', async () => {
    const server = await serve({ config: configFrom({ NODE_ENV: 'production' }) });
    try {
      for (const query of Object.values(introspection)) {
        const body = (await (await server.post({ query })).json()) as Body;
        expect(body.errors).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });

  it('CLAIMGRAPH_INTROSPECTION=false: __schema, __type and _service refused; __typename and data served', async () => {
    const server = await serve({ config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_INTROSPECTION: 'false' }) });
    try {
      for (const [name, query] of Object.entries(introspection)) {
        const response = await server.post({ query });
        expect(response.status, name).toBe(400);
        const field = { schema: '__schema', type: '__type', sdl: '_service' }[name];
        expect(await response.json()).toMatchObject({
          errors: [
            {
              message: `Introspection is off on this server: "${field}" cannot be queried.`,
              extensions: { code: 'INTROSPECTION_DISABLED' },
            },
          ],
        });
      }
      const data = (await (
        await server.post({ query: '{ __typename people(first: 1) { totalCount } }' })
      ).json()) as Body;
      expect(data.errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('…except to a caller with CLAIMGRAPH_INTROSPECTION_TOKEN (a gateway composing by introspection)', async () => {
    const server = await serve({
      config: configFrom({ CLAIMGRAPH_INTROSPECTION: 'false', CLAIMGRAPH_INTROSPECTION_TOKEN: TOKEN }),
    });
    try {
      const allowed = (await (
        await server.post({ query: introspection.sdl }, { authorization: `Bearer ${TOKEN}` })
      ).json()) as Body;
      expect(allowed.errors).toBeUndefined();
      expect(JSON.stringify(allowed.data)).toContain('@key');
      const wrong = await server.post({ query: introspection.sdl }, { authorization: 'Bearer not-the-token-at-all' });
      expect(wrong.status).toBe(400);
      // The verdict is not shared through Yoga's validation cache: the same text, with and without the token.
      const again = await server.post({ query: introspection.sdl }, { authorization: `Bearer ${TOKEN}` });
      expect(again.status).toBe(200);
      // Nor through the response cache or the fast lane: answered twice with the token above, the
      // SDL is still refused to a caller without it.
      for (let i = 0; i < 2; i++) expect((await server.post({ query: introspection.sdl })).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});

describe('/metrics', () => {
  const TOKEN = 'metrics-token-0123456789';

  it('production default: a port of its own (9464), not the public one; elsewhere the main port', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).metrics).toMatchObject({ port: 9464, token: undefined });
    expect(loadConfig({}).metrics).toMatchObject({ port: undefined, token: undefined });
    expect(loadConfig({ NODE_ENV: 'production', CLAIMGRAPH_METRICS_TOKEN: TOKEN }).metrics).toMatchObject({
      port: undefined,
      token: TOKEN,
    });
  });

  it('the production process serves /metrics on its metrics port only', async () => {
    const server = await startServer({ NODE_ENV: 'production' });
    try {
      const main = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(main.status).toBe(404);
      await main.arrayBuffer();
      const metrics = await fetch(`http://127.0.0.1:${server.metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(
        /^claimgraph_http_request_duration_seconds_count\{method="GET",path="\/metrics",status="404",lane="yoga"\} 1$/m,
      );
      const other = await fetch(`http://127.0.0.1:${server.metricsPort}/graphql`);
      expect(other.status).toBe(404);
      await other.arrayBuffer();
    } finally {
      server.stop();
    }
  });

  it('CLAIMGRAPH_METRICS_TOKEN on the main port: 401 without the token, 200 with it', async () => {
    const server = await serve({ config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_METRICS_TOKEN: TOKEN }) });
    try {
      const origin = new URL(server.url).origin;
      const none = await fetch(`${origin}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      await none.arrayBuffer();
      const wrong = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      await wrong.arrayBuffer();
      const right = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('process_resident_memory_bytes');
    } finally {
      await server.close();
    }
  });

  it('…and on a port of its own', async () => {
    const data = fixtureCorpus();
    const { metricsListener } = createClaimgraph({
      corpus: data,
      search: searchFor(data),
      config: configFrom({ CLAIMGRAPH_METRICS_PORT: '0', CLAIMGRAPH_METRICS_TOKEN: TOKEN }),
    });
    const metrics = await listen(metricsListener);
    try {
      const none = await fetch(`${metrics.origin}/metrics`);
      expect(none.status).toBe(401);
      await none.arrayBuffer();
      const right = await fetch(`${metrics.origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('process_resident_memory_bytes');
    } finally {
      await metrics.close();
    }
  });
});
