/**
 * What an operator sees: request ids, one log entry per request, liveness and readiness, metrics.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { Context } from '../src/context.ts';
import type { LogEntry, RequestLogEntry } from '../src/plugins/observability.ts';
import { configFrom, serve } from './http.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A server logging every request (no sampling) unless `env` says otherwise; `plugins` are added to it. */
async function withServer(
  run: (server: Awaited<ReturnType<typeof serve>>, entries: LogEntry[]) => Promise<void>,
  env: Record<string, string> = {},
  plugins: Plugin<Context>[] = [],
) {
  const entries: LogEntry[] = [];
  let ready = true;
  const server = await serve({
    log: (entry) => void entries.push(entry),
    ready: () => ready,
    config: configFrom({ CLAIMGRAPH_LOG_SAMPLE_RATE: '1', ...env }),
    plugins,
  });
  try {
    await run(Object.assign(server, { setReady: (value: boolean) => (ready = value) }), entries);
  } finally {
    await server.close();
  }
}

const requests = (entries: LogEntry[]) => entries.filter((entry): entry is RequestLogEntry => entry.msg === 'request');

describe('request ids', () => {
  it('a fresh UUID per request, echoed in x-request-id', async () => {
    await withServer(async (server) => {
      const first = await server.post({ query: '{ __typename }' });
      const second = await server.post({ query: '{ __typename }' });
      expect(first.headers.get('x-request-id')).toMatch(UUID);
      expect(second.headers.get('x-request-id')).toMatch(UUID);
      expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    });
  });

  it("the client's own id when it is sensible, a fresh one when it is not", async () => {
    await withServer(async (server) => {
      const own = await server.post({ query: '{ __typename }' }, { 'x-request-id': 'checkout-42.a' });
      expect(own.headers.get('x-request-id')).toBe('checkout-42.a');
      const junk = await server.post({ query: '{ __typename }' }, { 'x-request-id': 'x'.repeat(500) });
      expect(junk.headers.get('x-request-id')).toMatch(UUID);
    });
  });

  it('on errors too', async () => {
    await withServer(async (server) => {
      const response = await server.post('{not json');
      expect(response.status).toBe(400);
      expect(response.headers.get('x-request-id')).toMatch(UUID);
    });
  });
});

describe('request log', () => {
  it('one entry per request: id, method, path, operation name, status, duration', async () => {
    await withServer(async (server, entries) => {
      const ok = await server.post({ query: 'query PeopleCount { people { totalCount } }' });
      const bad = await server.post({ query: 'query Deep { peeple }' });
      const none = await server.post('{not json');
      const logged = requests(entries);
      expect(logged).toHaveLength(3);
      expect(logged[0]).toEqual({
        time: expect.any(String),
        level: 'info',
        msg: 'request',
        requestId: ok.headers.get('x-request-id'),
        method: 'POST',
        path: '/graphql',
        operationName: 'PeopleCount',
        status: 200,
        durationMs: expect.any(Number),
      });
      expect(logged[1]).toMatchObject({ operationName: null, status: 400, level: 'warn' });
      expect(logged[1]?.requestId).toBe(bad.headers.get('x-request-id'));
      expect(logged[2]).toMatchObject({
        operationName: null,
        status: 400,
        requestId: none.headers.get('x-request-id'),
      });
    });
  });

  it('names the operation a request selects with operationName', async () => {
    await withServer(async (server, entries) => {
      await server.post({ query: 'query A { __typename } query B { people { totalCount } }', operationName: 'B' });
      expect(requests(entries)[0]).toMatchObject({ operationName: 'B', status: 200 });
    });
  });

  it('does not log a client mistake (a malformed global ID) as a server error', async () => {
    await withServer(async (server, entries) => {
      await server.post({ query: '{ node(id: "garbage") { id } }' });
      expect(entries.filter((entry) => entry.level === 'error')).toEqual([]);
      expect(requests(entries)).toHaveLength(1);
    });
  });
});

/** An operation named Crash fails inside the server, as a bug would: a masked error, logged with its stack. */
const crash: Plugin<Context> = {
  onExecute({ args }) {
    if (getOperationAST(args.document, args.operationName)?.name?.value === 'Crash')
      throw new Error('a bug in the server');
  },
};

describe('log volume: CLAIMGRAPH_LOG_LEVEL and CLAIMGRAPH_LOG_SAMPLE_RATE', () => {
  const logAfter = async (entries: LogEntry[]) => {
    await new Promise((resolve) => setImmediate(resolve));
    return entries;
  };

  it('by default, 1 successful request in 100 is logged (with its sample rate), every client error', async () => {
    await withServer(
      async (server, entries) => {
        for (let i = 0; i < 300; i++)
          await server.post({ query: `query Ok { people(first: ${i % 3}) { totalCount } }` });
        await server.post({ query: '{ peeple }' });
        const logged = requests(await logAfter(entries));
        expect(logged.filter((entry) => entry.level === 'info')).toHaveLength(3);
        expect(logged.filter((entry) => entry.level === 'info').every((entry) => entry.sampleRate === 0.01)).toBe(true);
        expect(logged.filter((entry) => entry.level === 'warn')).toMatchObject([
          { status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] },
        ]);
      },
      { CLAIMGRAPH_LOG_SAMPLE_RATE: '0.01' },
    );
  });

  it('a sample rate of 0.25 logs exactly one in four; 0 none', async () => {
    await withServer(
      async (server, entries) => {
        for (let i = 0; i < 8; i++) await server.post({ query: '{ __typename }' });
        expect(requests(await logAfter(entries))).toHaveLength(2);
      },
      { CLAIMGRAPH_LOG_SAMPLE_RATE: '0.25' },
    );
    await withServer(
      async (server, entries) => {
        for (let i = 0; i < 8; i++) await server.post({ query: '{ __typename }' });
        expect(requests(await logAfter(entries))).toHaveLength(0);
      },
      { CLAIMGRAPH_LOG_SAMPLE_RATE: '0' },
    );
  });

  it('CLAIMGRAPH_LOG_LEVEL=warn: client and server errors only', async () => {
    await withServer(
      async (server, entries) => {
        await server.post({ query: '{ __typename }' });
        await server.post({ query: '{ peeple }' });
        await server.post({ query: 'query Crash { __typename }' });
        const logged = await logAfter(entries);
        expect(requests(logged).map((entry) => [entry.level, entry.status])).toEqual([
          ['warn', 400],
          ['error', 500],
        ]);
      },
      { CLAIMGRAPH_LOG_LEVEL: 'warn' },
      [crash],
    );
  });

  it('CLAIMGRAPH_LOG_LEVEL=error: a server error is still logged, with its stack; nothing else', async () => {
    await withServer(
      async (server, entries) => {
        await server.post({ query: '{ __typename }' });
        await server.post({ query: '{ peeple }' });
        const response = await server.post({ query: 'query Crash { __typename }' });
        expect(response.status).toBe(500);
        const logged = await logAfter(entries);
        expect(requests(logged)).toMatchObject([{ level: 'error', status: 500, operationName: 'Crash' }]);
        const events = logged.filter((entry) => entry.msg !== 'request');
        expect(events).toMatchObject([{ level: 'error', error: { message: 'a bug in the server' } }]);
        expect(JSON.stringify(events)).toContain('at ');
      },
      { CLAIMGRAPH_LOG_LEVEL: 'error', CLAIMGRAPH_LOG_SAMPLE_RATE: '0' },
      [crash],
    );
  });
});

describe('health', () => {
  it('liveness: /health answers 200', async () => {
    await withServer(async (server) => {
      expect((await fetch(`${server.origin}/health`)).status).toBe(200);
    });
  });

  it('readiness: /ready answers 200, then 503 once the server drains', async () => {
    await withServer(async (server) => {
      expect((await fetch(`${server.origin}/ready`)).status).toBe(200);
      (server as unknown as { setReady(value: boolean): void }).setReady(false);
      expect((await fetch(`${server.origin}/ready`)).status).toBe(503);
    });
  });
});

describe('metrics', () => {
  it('/metrics serves Prometheus text with GraphQL and HTTP metrics that count requests', async () => {
    await withServer(async (server) => {
      await server.post({ query: 'query PeopleCount { people { totalCount } }' });
      await server.post({ query: 'query PeopleCount { people(first: 1) { totalCount } }' });
      await server.post({ query: '{ peeple }' });
      // The first operation again: a response-cache hit, which the response cache answers at
      // execution (after the cached parse and validation), so Yoga's metrics count it; then a
      // third time, answered by the fast lane, which only the HTTP metrics see.
      await server.post({ query: 'query PeopleCount { people { totalCount } }' });
      await server.post({ query: 'query PeopleCount { people { totalCount } }' });
      const response = await fetch(`${server.origin}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toMatch(/^graphql_envelop_request_duration_count\{operationName="PeopleCount".*\} 3$/m);
      expect(text).toMatch(/^graphql_yoga_http_duration_count\{.*statusCode="200".*\} 3$/m);
      // Every request, by the lane that answered it: Yoga answered three 200s and one 400, the
      // fast lane one 200.
      const series = (status: number, lane: string) =>
        new RegExp(
          `^claimgraph_http_request_duration_seconds_count\\{method="POST",path="/graphql",status="${status}",lane="${lane}"\\} (\\d+)$`,
          'm',
        );
      expect(text.match(series(200, 'yoga'))?.[1]).toBe('3');
      expect(text.match(series(200, 'fast'))?.[1]).toBe('1');
      expect(text.match(series(400, 'yoga'))?.[1]).toBe('1');
      expect(text).toMatch(/^graphql_envelop_error_result\{.*phase="validate".*\} 1$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(text).not.toContain('url="'); // one series per distinct URL would grow without bound
    });
  });

  it('operation names, aliases and URLs a client invents cannot grow /metrics (CLAIMGRAPH_METRICS_MAX_OPERATIONS=3)', async () => {
    await withServer(
      async (server) => {
        const before = (await (await fetch(`${server.origin}/metrics`)).text()).length;
        // 300 operations of 300 made-up names, each with an error at a made-up alias, by GET
        // with a query string of its own.
        for (let i = 0; i < 300; i += 30) {
          await Promise.all(
            Array.from({ length: 30 }, (_, j) => {
              const query = `query Made${i + j} { alias${i + j}: node(id: "bad") { id } }`;
              return fetch(`${server.origin}/graphql?query=${encodeURIComponent(query)}`).then((r) => r.text());
            }),
          );
        }
        await server.post({ query: `query ${'N'.repeat(65)} { __typename }` });
        const text = await (await fetch(`${server.origin}/metrics`)).text();
        const names = new Set([...text.matchAll(/operationName="([^"]*)"/g)].map((match) => match[1]));
        expect(names).toEqual(new Set(['Made0', 'Made1', 'Made2', '(other)']));
        expect(text).toMatch(/^graphql_envelop_request\{operationName="\(other\)",operationType="query"\} 298$/m);
        expect(text).not.toMatch(/url="|alias\d/); // no series per URL, nor per alias in an error path
        // Without the bound, 300 names made 300 series of each metric: about 700 KB more.
        expect(text.length - before).toBeLessThan(30_000);
      },
      { CLAIMGRAPH_METRICS_MAX_OPERATIONS: '3', CLAIMGRAPH_LOG_LEVEL: 'error' },
    );
  });
});
