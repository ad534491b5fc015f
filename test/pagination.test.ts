/**
 * Cursor pagination (src/pagination.ts) on the fixture: walking a connection forward with
 * `first`/`after` or backward with `last`/`before` meets every item once, in the order of one page
 * of everything, with `totalCount` and `pageInfo` telling where the page stands; root lists,
 * nested connections and search page alike; every cursor handed out is accepted back.
 */
import { describe, expect, it } from 'vitest';
import { client, globalId } from './helpers.ts';

const api = client();

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

/** A connection of the fixture: an operation that selects it with `$args` spliced in, and where it lies in the answer. */
interface Connection {
  name: string;
  query: (args: string) => string;
  pick: (data: any) => Page;
}

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
const SEARCH_PAGE =
  'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: score subject { ... on Node { id } } } }';

const CONNECTIONS: Connection[] = [
  { name: 'quotes', query: (args) => `{ quotes${args} { ${PAGE} } }`, pick: (data) => data.quotes },
  { name: 'people', query: (args) => `{ people${args} { ${PAGE} } }`, pick: (data) => data.people },
  { name: 'events', query: (args) => `{ events${args} { ${PAGE} } }`, pick: (data) => data.events },
  {
    name: 'Article.claims',
    query: (args) =>
      `{ node(id: "${globalId('Article', 'kessel-treaty-report')}") { ... on Article { claims${args} { ${PAGE} } } } }`,
    pick: (data) => data.node.claims,
  },
  {
    name: 'Article.entities',
    query: (args) =>
      `{ node(id: "${globalId('Article', 'amber-strait-report')}") { ... on Article { entities${args} { ${PAGE} } } } }`,
    pick: (data) => data.node.entities,
  },
  {
    name: 'search',
    query: (args) => `{ search(query: "strait"${args.replace(/^\(/, ', ').replace(/\)$/, '')}) { ${SEARCH_PAGE} } }`,
    pick: (data) => ({
      ...data.search,
      edges: data.search.edges.map((edge: any) => ({ cursor: edge.cursor, node: { id: edge.node.subject.id } })),
    }),
  },
];

async function page(connection: Connection, args: Record<string, number | string>): Promise<Page> {
  const list = Object.entries(args)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(', ');
  const { data, errors } = await api.run(connection.query(list ? `(${list})` : ''));
  expect(errors).toBeUndefined();
  return connection.pick(data);
}

/** Every page of `size` items, from the first forward or from the last backward, bounded. */
async function walk(connection: Connection, direction: 'forward' | 'backward', size: number): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 25; i++) {
    const args: Record<string, number | string> =
      direction === 'forward'
        ? { first: size, ...(cursor && { after: cursor }) }
        : { last: size, ...(cursor && { before: cursor }) };
    const current = await page(connection, args);
    pages.push(current);
    const more = direction === 'forward' ? current.pageInfo.hasNextPage : current.pageInfo.hasPreviousPage;
    if (!more) return pages;
    cursor = direction === 'forward' ? current.pageInfo.endCursor : current.pageInfo.startCursor;
  }
  throw new Error(`${connection.name}: more than 25 pages`);
}

describe.each(CONNECTIONS.map((connection) => [connection.name, connection] as const))('%s', (_name, connection) => {
  it('pages forward with first/after and backward with last/before through every item once, in order', async () => {
    const all = await page(connection, { first: 100 });
    const ids = all.edges.map((edge) => edge.node.id);
    // Long enough for three pages of two: a first page, a middle one, a last one.
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    for (const size of [2, 3]) {
      const forward = await walk(connection, 'forward', size);
      expect(forward).toHaveLength(Math.ceil(ids.length / size));
      expect(forward.flatMap((p) => p.edges.map((edge) => edge.node.id))).toEqual(ids);
      const backward = await walk(connection, 'backward', size);
      expect(backward).toHaveLength(Math.ceil(ids.length / size));
      expect(backward.reverse().flatMap((p) => p.edges.map((edge) => edge.node.id))).toEqual(ids);

      for (const [i, current] of forward.entries()) {
        expect(current.totalCount).toBe(ids.length);
        expect(current.edges.length).toBe(i < forward.length - 1 ? size : ids.length - size * (forward.length - 1));
        expect(current.pageInfo).toEqual({
          hasNextPage: i < forward.length - 1,
          hasPreviousPage: i > 0,
          startCursor: current.edges[0]?.cursor,
          endCursor: current.edges.at(-1)?.cursor,
        });
      }
      // Backward, the first page read is the list's end: items before it, none after it.
      expect(backward.at(-1)?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(backward[0]?.pageInfo).toMatchObject({ hasPreviousPage: false });
    }
  });

  it('gives each item one cursor, the same on every page, that pages from it in both directions', async () => {
    const all = await page(connection, { first: 100 });
    const forward = await walk(connection, 'forward', 2);
    expect(forward.flatMap((p) => p.edges)).toEqual(all.edges);
    const [, second, third] = all.edges;
    if (!second || !third) throw new Error(`${connection.name} has fewer than three items`);
    expect((await page(connection, { first: 1, after: second.cursor })).edges).toEqual([third]);
    expect((await page(connection, { last: 1, before: third.cursor })).edges).toEqual([second]);
    // Between two cursors: the items strictly between them.
    const last = all.edges.at(-1) as Page['edges'][number];
    expect((await page(connection, { after: second.cursor, before: last.cursor })).edges).toEqual(
      all.edges.slice(2, -1),
    );
  });

  it('answers an empty page past either end, with no cursor', async () => {
    const all = await page(connection, { first: 100 });
    const first = all.edges[0] as Page['edges'][number];
    const last = all.edges.at(-1) as Page['edges'][number];
    const ends: Record<string, number | string>[] = [
      { first: 0 },
      { first: 3, after: last.cursor },
      { last: 3, before: first.cursor },
    ];
    for (const args of ends) {
      const empty = await page(connection, args);
      expect(empty.edges, JSON.stringify(args)).toEqual([]);
      expect(empty.totalCount).toBe(all.totalCount);
      expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null });
    }
    expect((await page(connection, { first: 3, after: last.cursor })).pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });
});

describe('page sizes', () => {
  it('lets `last` alone take the end of a list, and `first` then `last` a slice of the first page', async () => {
    const quotes = CONNECTIONS[0] as Connection;
    const ids = (await page(quotes, { first: 100 })).edges.map((edge) => edge.node.id);
    expect((await page(quotes, { last: 3 })).edges.map((edge) => edge.node.id)).toEqual(ids.slice(-3));
    expect((await page(quotes, { first: 3, last: 1 })).edges.map((edge) => edge.node.id)).toEqual(ids.slice(2, 3));
  });
});
