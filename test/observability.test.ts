/**
 * What an operator sees: request ids, one log entry per request, liveness and readiness, metrics.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry, RequestLogEntry } from '../src/plugins/observability.ts';
import { serve } from './http.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function withServer(run: (server: Awaited<ReturnType<typeof serve>>, entries: LogEntry[]) => Promise<void>) {
  const entries: LogEntry[] = [];
  let ready = true;
  const server = await serve({ log: (entry) => void entries.push(entry), ready: () => ready });
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
});
