/**
 * A real HTTP server on 127.0.0.1 (free port) around the Yoga app, for tests that need the wire:
 * status codes, headers, body limits, CORS, the graphql-http audits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.ts';
import { createClaimgraphYoga, type YogaOptions } from '../src/yoga.ts';
import { corpus } from './helpers.ts';

export interface TestServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:43121/graphql. */
  url: string;
  origin: string;
  /** POSTs an operation as JSON, accepting application/graphql-response+json. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Settings from the given variables only, so the tests do not depend on the shell's environment. */
export function configFrom(env: Record<string, string> = {}) {
  return loadConfig(env);
}

export async function serve(options: Partial<YogaOptions> = {}): Promise<TestServer> {
  const yoga = createClaimgraphYoga({ corpus: corpus(), config: configFrom(), ...options });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${origin}/graphql`;
  return {
    url,
    origin,
    post: (body, headers = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
