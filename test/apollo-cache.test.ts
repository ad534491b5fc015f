/**
 * Apollo Client's InMemoryCache over a live claimgraph, configured only as docs/clients.md shows
 * (examples/cache.ts): objects normalise by their global `id`, a repeated query is answered from
 * the cache, and pages fetched with `fetchMore` merge into one connection.
 */
import { ApolloClient, gql, HttpLink } from '@apollo/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../examples/cache.ts';
import { PezeshkianQuotesDocument } from '../examples/generated/graphql.ts';
import { globalId } from './helpers.ts';
import { type LiveServer, startClaimgraph } from './live.ts';

let server: LiveServer;

beforeAll(async () => {
  server = await startClaimgraph();
});
afterAll(() => server.close());

function apollo() {
  const cache = createCache();
  return { client: new ApolloClient({ link: new HttpLink({ uri: server.url }), cache }), cache };
}

interface QuotesPage {
  quotes: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; text: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const QUOTES_PAGE = gql`
  query QuotesPage($first: Int!, $after: String) {
    quotes(first: $first, after: $after) {
      totalCount
      edges { cursor node { id text } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('Apollo Client InMemoryCache', () => {
  it('normalises objects by global ID and serves a repeated query from the cache', async () => {
    const { client, cache } = apollo();
    const before = server.executed.length;

    // The example operation finds a person by name; here, a person of the fixture.
    const first = await client.query({ query: PezeshkianQuotesDocument, variables: { name: 'Varga' } });
    const again = await client.query({ query: PezeshkianQuotesDocument, variables: { name: 'Varga' } });

    expect(server.executed.slice(before)).toEqual(['PezeshkianQuotes']);
    expect(again.data).toEqual(first.data);

    const normalised = cache.extract();
    const person = `Person:${globalId('Person', 'anna-varga')}`;
    expect(normalised[person]).toMatchObject({ __typename: 'Person', name: 'Anna Varga' });
    expect(normalised[`Quote:${globalId('Quote', 'quote-varga-within-weeks')}`]).toMatchObject({
      text: 'within weeks',
    });
  });

  it('matches fragments on interfaces when reading from the cache', async () => {
    const { client } = apollo();
    const SPEAKERS = gql`
      query Speakers {
        quotes(first: 2) { nodes { id speaker { id ... on Entity { name } ... on Actor { quotes { totalCount } } } } }
      }
    `;
    const fetched = await client.query({ query: SPEAKERS });
    const speakers = (fetched.data as { quotes: { nodes: { speaker: unknown }[] } }).quotes.nodes.map(
      (node) => node.speaker,
    );
    expect(speakers[0]).toMatchObject({ __typename: 'Person', name: 'Mira Solano', quotes: { totalCount: 1 } });
    expect(speakers[1]).toMatchObject({ __typename: 'Person', name: 'Oskar Lind', quotes: { totalCount: 2 } });
    expect(client.readQuery({ query: SPEAKERS })).toEqual(fetched.data);
  });

  it('merges the pages of a connection fetched with fetchMore, in order, without duplicates', async () => {
    const all = await (
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ quotes(first: 100) { nodes { id } } }' }),
      })
    ).json();
    const everyId: string[] = all.data.quotes.nodes.map((node: { id: string }) => node.id);
    // More than two pages of three.
    expect(everyId.length).toBeGreaterThan(6);

    const { client } = apollo();
    const before = server.executed.length;
    const watched = client.watchQuery<QuotesPage>({ query: QUOTES_PAGE, variables: { first: 3 } });
    const subscription = watched.subscribe(() => {});
    try {
      // One request per page: each fetchMore answers one page, which the type policy merges into
      // the cached connection.
      let page = (await watched.refetch()).data?.quotes.pageInfo;
      let pages = 1;
      while (page?.hasNextPage && pages < 10) {
        page = (await watched.fetchMore({ variables: { after: page.endCursor } })).data?.quotes.pageInfo;
        pages += 1;
      }

      const merged = client.readQuery<QuotesPage>({ query: QUOTES_PAGE, variables: { first: 3 } });
      expect(merged?.quotes.edges.map((edge) => edge.node.id)).toEqual(everyId);
      expect(merged?.quotes.totalCount).toBe(everyId.length);
      expect(merged?.quotes.pageInfo.hasNextPage).toBe(false);
      expect(pages).toBe(Math.ceil(everyId.length / 3));
      expect(server.executed.slice(before).filter((name) => name === 'QuotesPage')).toHaveLength(pages);
    } finally {
      subscription.unsubscribe();
    }
  });
});
