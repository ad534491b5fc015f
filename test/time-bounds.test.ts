/**
 * Every wait has a bound, each shown with a small setting on the real server process and raw
 * sockets (so the client is as slow as an attacker makes it): a slowloris whose headers never end
 * and a body that never ends are answered 408 and closed in seconds; an idle kept-alive connection
 * is closed at its keep-alive timeout; connections past the cap are closed on arrival; and an
 * operation that waits too long is answered OPERATION_TIMEOUT.
 */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../src/search/search.ts';
import { fixtureCorpus } from './helpers.ts';
import { configFrom, serve } from './http.ts';
import { type ServerProcess, startServer } from './process.ts';

interface Watched {
  socket: Socket;
  /** Resolves when the server closes the connection: after how long, and what it answered first. */
  closed: Promise<{ afterMs: number; firstLine: string | null }>;
}

/** A raw connection, timed from its opening; gives up after `capMs` (the test then fails). */
function watch(port: number, capMs = 8_000): Promise<Watched> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const opened = performance.now();
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', () => {});
    const closed = new Promise<{ afterMs: number; firstLine: string | null }>((done) => {
      const timer = setTimeout(() => {
        socket.destroy();
        done({ afterMs: Number.POSITIVE_INFINITY, firstLine: 'still open' });
      }, capMs);
      socket.on('close', () => {
        clearTimeout(timer);
        done({ afterMs: performance.now() - opened, firstLine: received.split('\r\n')[0] || null });
      });
    });
    socket.on('connect', () => resolve({ socket, closed }));
  });
}

describe('time bounds on a client', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({
      CLAIMGRAPH_HEADERS_TIMEOUT_MS: '1000',
      CLAIMGRAPH_REQUEST_TIMEOUT_MS: '2000',
      CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS: '1000',
    });
  });
  afterAll(() => server.stop());

  it('slowloris, headers a byte at a time (CLAIMGRAPH_HEADERS_TIMEOUT_MS=1000): 408 and closed within about 1 s', async () => {
    const { socket, closed } = await watch(server.port);
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const drip = setInterval(() => socket.write('a'), 100);
    const { afterMs, firstLine } = await closed;
    clearInterval(drip);
    expect(firstLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(afterMs).toBeGreaterThanOrEqual(900);
    expect(afterMs).toBeLessThan(3_000);
  });

  it('a connection that never sends a byte is closed alike', async () => {
    const { closed } = await watch(server.port);
    const { afterMs, firstLine } = await closed;
    expect(firstLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(afterMs).toBeLessThan(3_000);
  });

  it('a chunked body that never ends (CLAIMGRAPH_REQUEST_TIMEOUT_MS=2000): 408 and closed within about 2 s', async () => {
    const { socket, closed } = await watch(server.port);
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n',
    );
    const drip = setInterval(() => socket.write('1\r\n \r\n'), 200);
    const { afterMs, firstLine } = await closed;
    clearInterval(drip);
    expect(firstLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(afterMs).toBeGreaterThanOrEqual(1_900);
    expect(afterMs).toBeLessThan(4_000);
  });

  it('a body shorter than its Content-Length is closed alike', async () => {
    const { socket, closed } = await watch(server.port);
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    const { afterMs, firstLine } = await closed;
    expect(firstLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(afterMs).toBeGreaterThanOrEqual(1_900);
    expect(afterMs).toBeLessThan(4_000);
  });

  it('an idle kept-alive connection (CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS=1000) is closed after about 1 s, as its answer said', async () => {
    const { socket, closed } = await watch(server.port);
    const body = JSON.stringify({ query: '{ __typename }' });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk;
    });
    while (!head.includes('\r\n\r\n')) await sleep(5);
    const answered = performance.now();
    expect(head).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(head.toLowerCase()).toContain('keep-alive: timeout=1');
    await closed;
    const idleMs = performance.now() - answered;
    expect(idleMs).toBeGreaterThanOrEqual(900);
    expect(idleMs).toBeLessThan(3_000);
  });
});

describe('the connection cap', () => {
  it('CLAIMGRAPH_MAX_CONNECTIONS=3: a fourth connection is closed on arrival, the three open ones are served', async () => {
    const server = await startServer({ CLAIMGRAPH_MAX_CONNECTIONS: '3' });
    try {
      const open = await Promise.all([watch(server.port), watch(server.port), watch(server.port)]);
      await sleep(100);
      const fourth = await watch(server.port);
      const { afterMs, firstLine } = await fourth.closed;
      expect(firstLine).toBeNull(); // no answer: the connection is closed as it arrives
      expect(afterMs).toBeLessThan(1_000);

      const [first] = open;
      const body = JSON.stringify({ query: '{ __typename }' });
      let answer = '';
      first?.socket.on('data', (chunk) => {
        answer += chunk;
      });
      first?.socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      while (!answer.includes('"__typename"')) await sleep(5);
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(answer).toContain('{"data":{"__typename":"Query"}');
      // The refusals are reported once a second; the line may come a moment later on a busy machine.
      await expect
        .poll(() => server.output(), { timeout: 5_000 })
        .toContain('1 connection(s) refused in the last second: 3 were open (CLAIMGRAPH_MAX_CONNECTIONS)');
      for (const { socket } of open) socket.destroy();
    } finally {
      server.stop();
    }
  });
});

describe('the execution timeout', () => {
  it('CLAIMGRAPH_EXECUTION_TIMEOUT_MS=50: a search waiting for an index still being built is answered 503 OPERATION_TIMEOUT', async () => {
    const data = fixtureCorpus();
    const query = '{ search(query: "drones", first: 1) { totalCount } }';
    // A first server in this process runs the search once, so that the second one's first
    // request is not slowed by code being loaded and compiled for the first time.
    const warm = await serve({ corpus: data });
    expect((await warm.post({ query })).status).toBe(200);
    await warm.close();
    // A search waits for a fresh index to be built in its worker; the worker is kept busy for a
    // second once it is built, so that no search is answered within 50 ms on however fast a machine.
    const search = new SearchIndex(data);
    search.stallWorkerForTests(1_000);
    const server = await serve({ corpus: data, search, config: configFrom({ CLAIMGRAPH_EXECUTION_TIMEOUT_MS: '50' }) });
    try {
      const started = performance.now();
      const response = await server.post({ query });
      const tookMs = performance.now() - started;
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        errors: [
          {
            message: 'The operation did not finish within 50 ms and was stopped.',
            extensions: { code: 'OPERATION_TIMEOUT', timeoutMs: 50 },
          },
        ],
      });
      expect(tookMs).toBeLessThan(1_000);

      await search.search('drones'); // answered once the index is built and the worker free again
      const later = await server.post({ query });
      expect(later.status).toBe(200);
      expect(((await later.json()) as { errors?: unknown }).errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
