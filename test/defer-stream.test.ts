/**
 * Incremental delivery: @defer and @stream (Yoga's defer-stream plugin) over real HTTP, received
 * by urql, which reads the multipart response and merges each part into the result.
 */
import { Client, fetchExchange, gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from './helpers.ts';
import { type LiveServer, startClaimgraph } from './live.ts';

let server: LiveServer;

beforeAll(async () => {
  server = await startClaimgraph();
});
afterAll(() => server.close());

const VARGA = globalId('Person', 'anna-varga');

const DEFERRED = gql`
  query DeferredQuotes($id: ID!) {
    node(id: $id) {
      ... on Person {
        name
        ... @defer(label: "quotes") {
          quotes { totalCount nodes { text } }
        }
      }
    }
  }
`;

const STREAMED = gql`
  query StreamedQuotes($id: ID!) {
    node(id: $id) {
      ... on Person {
        quotes { nodes @stream(initialCount: 1) { text } }
      }
    }
  }
`;

interface Result {
  data: unknown;
  hasNext: boolean | undefined;
}

/**
 * Every result urql delivers for one query, until the last part has arrived. The fetch ends by
 * itself after the last part; unsubscribing while urql hands it over would abort the request
 * before urql has let go of the response body (an unhandled AbortError in Node).
 */
function results(query: typeof DEFERRED): Promise<Result[]> {
  const client = new Client({ url: server.url, exchanges: [fetchExchange], preferGetMethod: false });
  const seen: Result[] = [];
  return new Promise((resolve, reject) => {
    client.query(query, { id: VARGA }).subscribe((result) => {
      if (result.error) reject(result.error);
      seen.push({ data: structuredClone(result.data), hasNext: result.hasNext });
      if (!result.hasNext) {
        resolve(seen);
      }
    });
  });
}

/** Anna Varga's quotes in the fixture, in load order: one in the first article, two in the second. */
const QUOTES = ['already working', 'This treaty keeps the strait open for everyone who fishes in it.', 'within weeks'];

describe('@defer and @stream', () => {
  it('answers with a multipart response when the client accepts one', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: DEFERRED.loc?.source.body, variables: { id: VARGA } }),
    });
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const body = await response.text();
    expect(body).toContain('"hasNext":true');
    expect(body).toContain('"label":"quotes"');
  });

  it('urql receives the name first, then the deferred quotes', async () => {
    const seen = await results(DEFERRED);

    expect(seen[0]).toEqual({ data: { node: { name: 'Anna Varga' } }, hasNext: true });
    expect(seen.at(-1)).toEqual({
      data: {
        node: { name: 'Anna Varga', quotes: { totalCount: 3, nodes: QUOTES.map((text) => ({ text })) } },
      },
      hasNext: false,
    });
  });

  it('urql receives the first quote, then the rest streamed into the list', async () => {
    const seen = await results(STREAMED);

    expect(seen[0]).toEqual({ data: { node: { quotes: { nodes: [{ text: QUOTES[0] }] } } }, hasNext: true });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({
      data: { node: { quotes: { nodes: QUOTES.map((text) => ({ text })) } } },
      hasNext: false,
    });
  });
});
