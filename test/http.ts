/**
 * Real HTTP for tests that need the wire (status codes, headers, body limits, CORS, the
 * graphql-http audits, a gateway): a server on 127.0.0.1 and a free port, closed after the test.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.ts';
import { createClaimgraph, type YogaOptions } from '../src/yoga.ts';
import { fixtureCorpus, searchFor } from './helpers.ts';

export interface Listening {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

export async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface TestServer extends Listening {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:43121/graphql. */
  url: string;
  /** POSTs an operation as JSON, accepting application/graphql-response+json. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Settings from the given variables only, so the tests do not depend on the shell's environment. */
export function configFrom(env: Record<string, string> = {}) {
  return loadConfig(env);
}

/**
 * claimgraph itself, over real HTTP, with the request listener the server (src/server.ts) serves,
 * over the fixture corpus unless told otherwise.
 */
export async function serve(options: Partial<YogaOptions> = {}): Promise<TestServer> {
  const data = options.corpus ?? fixtureCorpus();
  const { listener } = createClaimgraph({
    corpus: data,
    search: options.search ?? searchFor(data),
    config: configFrom(),
    ...options,
  });
  const listening = await listen(listener);
  const url = `${listening.origin}/graphql`;
  return {
    ...listening,
    url,
    post: (body, headers = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
