/**
 * Each GraphQL client as its users set it up, with its own defaults and nothing adapted to the
 * server, against a live claimgraph: urql (which sends queries as GET), Apollo Client (POST),
 * graphql-request, relay-runtime, and Apollo Client's persisted-queries link over POST and over
 * GET. Each test counts the HTTP requests the server received.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { GraphQLClient, request } from 'graphql-request';
import {
  type ConcreteRequest,
  Environment,
  fetchQuery,
  type GraphQLResponse,
  Network,
  RecordSource,
  Store,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom, serve } from './http.ts';
import { type LiveServer, startClaimgraph } from './live.ts';

let server: LiveServer;
beforeAll(async () => {
  server = await startClaimgraph();
});
afterAll(() => server.close());

/** The requests the server receives while `run` runs. */
async function requestsDuring(run: () => Promise<unknown>) {
  const before = server.requests.length;
  await run();
  return server.requests.slice(before);
}

const PEOPLE = 'query ClientPeople($first: Int!) { people(first: $first) { totalCount nodes { id name } } }';

/** The answer every client must get, fetched first with a plain POST. */
async function expected(first: number) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PEOPLE, variables: { first } }),
  });
  const { data } = (await response.json()) as { data: { people: { totalCount: number; nodes: unknown[] } } };
  expect(data.people.nodes).toHaveLength(first);
  return data;
}

describe('urql (@urql/core, default exchanges and options)', () => {
  it('sends a query as GET and gets its answer; a repeated query comes from its cache', async () => {
    const client = new Client({ url: server.url, exchanges: [cacheExchange, fetchExchange] });
    const want = await expected(2);
    const sent = await requestsDuring(async () => {
      const result = await client.query(gql(PEOPLE), { first: 2 }).toPromise();
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual({
        people: { __typename: 'PersonConnection', ...withTypenames(want.people) },
      });
      await client.query(gql(PEOPLE), { first: 2 }).toPromise();
    });
    expect(sent.map((request) => request.method)).toEqual(['GET']);
    expect(sent[0]?.url).toMatch(/^\/graphql\?query=/);
  });
});

describe('Apollo Client (default HttpLink and InMemoryCache)', () => {
  it('sends a query as POST and gets its answer', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: server.url }), cache: new InMemoryCache() });
    const want = await expected(3);
    const sent = await requestsDuring(async () => {
      const result = await client.query({ query: gql(PEOPLE), variables: { first: 3 } });
      expect(result.data).toEqual({ people: { __typename: 'PersonConnection', ...withTypenames(want.people) } });
    });
    expect(sent.map((request) => request.method)).toEqual(['POST']);
  });
});

describe('graphql-request', () => {
  it('sends a query as POST by default, and as GET with method: GET', async () => {
    const want = await expected(1);
    const sent = await requestsDuring(async () => {
      expect(await request(server.url, PEOPLE, { first: 1 })).toEqual(want);
      expect(await new GraphQLClient(server.url, { method: 'GET' }).request(PEOPLE, { first: 1 })).toEqual(want);
    });
    expect(sent.map((request) => request.method)).toEqual(['POST', 'GET']);
  });
});

describe('relay-runtime (a plain Network.create with fetch)', () => {
  it('fetches an operation into its store', async () => {
    const network = Network.create(async (params, variables) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: params.text, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    });
    const environment = new Environment({ network, store: new Store(new RecordSource()) });
    const want = await expected(2);
    const data = await fetchQuery(environment, RELAY_PEOPLE, { first: 2 }).toPromise();
    expect(data).toEqual(want);
  });
});

describe("Apollo Client's persisted-queries link (automatic persisted queries)", () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const apollo = (useGETForHashedQueries: boolean) =>
    new ApolloClient({
      link: new PersistedQueryLink({ sha256, useGETForHashedQueries }).concat(new HttpLink({ uri: server.url })),
      cache: new InMemoryCache(),
    });

  it.each([
    ['POST', false, 'POST'],
    ['GET (useGETForHashedQueries)', true, 'GET'],
  ])(
    'over %s: the unknown hash is refused, the link sends the text, then the hash alone does',
    async (_name, useGET, byHash) => {
      // A query no other test sends, so that the server has never met its hash.
      const query = `query PersistedPeople${byHash} { people(first: 2) { nodes { id name } } }`;
      const first = await requestsDuring(async () => {
        const result = await apollo(useGET).query({ query: gql(query) });
        expect(result.data).toMatchObject({
          people: { nodes: [{ id: expect.any(String) }, { id: expect.any(String) }] },
        });
      });
      // The hash alone (refused: PERSISTED_QUERY_NOT_FOUND), then the hash with the text, by POST.
      expect(first.map((request) => request.method)).toEqual([byHash, 'POST']);
      const next = await requestsDuring(async () => {
        const result = await apollo(useGET).query({ query: gql(query) });
        expect(result.error).toBeUndefined();
      });
      expect(next.map((request) => request.method)).toEqual([byHash]);
      if (byHash === 'GET') {
        expect(next[0]?.url).toContain('persistedQuery');
        expect(next[0]?.url).not.toContain('query=');
      }
    },
  );

  it('with CLAIMGRAPH_APQ=0, answers PERSISTED_QUERY_NOT_SUPPORTED: the link sends the text from then on', async () => {
    const off = await serve({ config: configFrom({ CLAIMGRAPH_APQ: '0' }) });
    try {
      const client = new ApolloClient({
        link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: off.url })),
        cache: new InMemoryCache(),
      });
      const result = await client.query({ query: gql('{ people(first: 1) { totalCount } }') });
      expect(result.error).toBeUndefined();
      const again = await client.query({ query: gql('{ people(first: 2) { totalCount } }') });
      expect(again.error).toBeUndefined();
    } finally {
      await off.close();
    }
  });

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND, not to be stored, and a wrong hash PERSISTED_QUERY_MISMATCH', async () => {
    const extensions = (sha256Hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const unknown = await fetch(`${server.url}?extensions=${encodeURIComponent(extensions('0'.repeat(64)))}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect((await unknown.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const mismatch = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: JSON.parse(extensions(sha256('{ people { totalCount } }'))),
      }),
    });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_MISMATCH');
    // The mismatched text was not kept under the hash.
    const byHash = await fetch(
      `${server.url}?extensions=${encodeURIComponent(extensions(sha256('{ people { totalCount } }')))}`,
    );
    expect((await byHash.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

/** A connection as Apollo and urql return it: every object with its __typename. */
function withTypenames(people: { totalCount: number; nodes: unknown[] }) {
  return {
    totalCount: people.totalCount,
    nodes: people.nodes.map((node) => ({ __typename: 'Person', ...(node as object) })),
  };
}

/**
 * The artifact relay-compiler writes for PEOPLE (as `ClientPeopleQuery.graphql.ts`): what
 * relay-runtime reads to normalise the answer into its store and to read it back.
 */
const PEOPLE_SELECTIONS = [
  {
    alias: null,
    args: [{ kind: 'Variable', name: 'first', variableName: 'first' }],
    concreteType: 'PersonConnection',
    kind: 'LinkedField',
    name: 'people',
    plural: false,
    selections: [
      { alias: null, args: null, kind: 'ScalarField', name: 'totalCount', storageKey: null },
      {
        alias: null,
        args: null,
        concreteType: 'Person',
        kind: 'LinkedField',
        name: 'nodes',
        plural: true,
        selections: [
          { alias: null, args: null, kind: 'ScalarField', name: 'id', storageKey: null },
          { alias: null, args: null, kind: 'ScalarField', name: 'name', storageKey: null },
        ],
        storageKey: null,
      },
    ],
    storageKey: null,
  },
] as const;
const RELAY_PEOPLE = {
  fragment: {
    argumentDefinitions: [{ defaultValue: null, kind: 'LocalArgument', name: 'first' }],
    kind: 'Fragment',
    metadata: null,
    name: 'ClientPeople',
    selections: PEOPLE_SELECTIONS,
    type: 'Query',
    abstractKey: null,
  },
  kind: 'Request',
  operation: {
    argumentDefinitions: [{ defaultValue: null, kind: 'LocalArgument', name: 'first' }],
    kind: 'Operation',
    name: 'ClientPeople',
    selections: PEOPLE_SELECTIONS,
  },
  params: {
    cacheID: sha256Of(PEOPLE),
    id: null,
    metadata: {},
    name: 'ClientPeople',
    operationKind: 'query',
    text: PEOPLE,
  },
} as unknown as ConcreteRequest;

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
