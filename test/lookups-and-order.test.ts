/**
 * Behaviour of the look-ups, filters and orders, whatever the corpus holds: every value is read
 * from the server first. Look-ups by slug and by name; a filter given an ID of the wrong kind,
 * of no record or no ID at all; each list's default order being the one its description states,
 * and each `orderBy`; both ends of a date range, for overlap and for containment; sentences, the
 * claims that lie in them and the spans that select claims.
 */
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';
import { client, withCost } from './helpers.ts';

const api = client(undefined, withCost(1_000_000));

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.run<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

async function errorOf(query: string, variables?: Record<string, unknown>) {
  const result = await api.run(query, variables);
  expect(result.errors).toHaveLength(1);
  return result.errors?.[0] as unknown as { message: string; extensions: Record<string, unknown> };
}

const collator = new Intl.Collator('en');

interface Placed {
  article: { id: string };
  evidence: { start: number }[];
  words?: { start: number };
}

/**
 * Where a claim stands: its article's place among the articles (the order of `Query.articles`),
 * then its place in the article, as `ClaimOrderField.POSITION` says.
 */
async function byPosition(): Promise<(a: Placed, b: Placed) => number> {
  const answer = await data<{ articles: { nodes: { id: string }[] } }>('{ articles(first: 100) { nodes { id } } }');
  const articles = answer.articles.nodes.map((article) => article.id);
  const position = (claim: Placed) =>
    Math.min(...claim.evidence.map((e) => e.start), claim.words?.start ?? Number.POSITIVE_INFINITY);
  return (a, b) => articles.indexOf(a.article.id) - articles.indexOf(b.article.id) || position(a) - position(b);
}

const isSorted = <T>(list: readonly T[], compare: (a: T, b: T) => number) =>
  list.every((item, i) => i === 0 || compare(list[i - 1] as T, item) <= 0);

describe('look-ups by natural key', () => {
  it('fetches each kind of entity by its slug, and null for a slug of another kind or of none', async () => {
    const { entities } = await data<{ entities: { nodes: { __typename: string; id: string; slug: string }[] } }>(
      '{ entities(first: 100) { nodes { __typename id slug } } }',
    );
    const field = { Person: 'person', Country: 'country', Organization: 'organization', Place: 'place', Item: 'item' };
    for (const entity of entities.nodes) {
      const name = field[entity.__typename as keyof typeof field];
      const other = name === 'person' ? 'item' : 'person';
      const answer = await data<Record<string, { id: string } | null>>(
        `query ($slug: String!) { it: ${name}(slug: $slug) { id } other: ${other}(slug: $slug) { id } none: ${name}(slug: "no-such-slug") { id } }`,
        { slug: entity.slug },
      );
      expect(answer).toEqual({ it: { id: entity.id }, other: null, none: null });
    }
  });

  it('resolves every declared name of every entity to it, whatever its case', async () => {
    const { entities } = await data<{ entities: { nodes: { id: string; names: { text: string }[] }[] } }>(
      '{ entities(first: 100) { nodes { id names { text } } } }',
    );
    for (const entity of entities.nodes) {
      for (const { text } of entity.names) {
        const { entitiesNamed } = await data<{ entitiesNamed: { entity: { id: string } }[] }>(
          'query ($name: String!) { entitiesNamed(name: $name) { entity { id } } }',
          { name: `  ${text.toUpperCase()} ` },
        );
        expect(entitiesNamed.map((match) => match.entity.id)).toContain(entity.id);
      }
    }
  });

  it('answers a filter given an ID of the wrong kind with BAD_USER_INPUT naming the kind it takes', async () => {
    const { items } = await data<{ items: { nodes: { id: string }[] } }>('{ items(first: 1) { nodes { id } } }');
    const item = items.nodes[0]?.id as string;
    const error = await errorOf('query ($id: ID!) { quotes(speaker: $id) { totalCount } }', { id: item });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'speaker' });
    expect(error.message).toBe(
      `Argument "speaker" takes the ID of a Person, a Country or an Organization; "${item}" is the ID of an Item.`,
    );
  });

  it('answers a filter given the ID of no record with BAD_USER_INPUT saying where IDs come from', async () => {
    const ghost = Buffer.from('Person:no-such-person').toString('base64');
    const error = await errorOf('query ($id: ID!) { agreements(signatory: $id) { totalCount } }', { id: ghost });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'signatory' });
    expect(error.message).toMatch(/^Argument "signatory": no Person has the ID ".+"\. IDs are the `id` of objects/);
    expect(error.message).toContain('`person(slug:)`');
  });

  it('answers a filter given something that is no ID with where IDs come from', async () => {
    const error = await errorOf('{ events(participant: "North Korea") { totalCount } }');
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^Invalid global ID: North Korea\. IDs are the `id` of objects this API returns/);
  });

  it('says in the description of every filter that takes an ID how to get one', () => {
    const undocumented: string[] = [];
    for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
      for (const arg of field.args) {
        if (String(arg.type).replace('!', '') === 'ID' && !arg.description?.includes('slug')) {
          undocumented.push(`${field.name}(${arg.name})`);
        }
      }
    }
    expect(undocumented.filter((name) => !name.startsWith('node') && !name.startsWith('_'))).toEqual([]);
  });
});

describe('orders', () => {
  const CLAIM = 'article { id } evidence { start }';

  it('lists claims in article order by default, as every list says, and backwards on request', async () => {
    const compare = await byPosition();
    const answer = await data<Record<string, { nodes: Placed[] }>>(`{
      quotes(first: 100) { nodes { ${CLAIM} words { start } } }
      accusations(first: 100) { nodes { ${CLAIM} } }
      agreements(first: 100) { nodes { ${CLAIM} } }
      events(first: 100) { nodes { ${CLAIM} } }
      reversed: quotes(first: 100, orderBy: { field: POSITION, direction: DESC }) { nodes { ${CLAIM} words { start } } }
    }`);
    for (const [list, { nodes }] of Object.entries(answer)) {
      expect(nodes.length, list).toBeGreaterThan(0);
      const order = list === 'reversed' ? (a: Placed, b: Placed) => compare(b, a) : compare;
      expect(isSorted(nodes, order), list).toBe(true);
    }
    expect(answer.reversed?.nodes).toEqual([...(answer.quotes?.nodes ?? [])].reverse());
  });

  it('lists the claims of an article, of a sentence and of an entity in article order', async () => {
    const compare = await byPosition();
    const { articles, people } = await data<{
      articles: { nodes: { claims: { nodes: Placed[] } }[] };
      people: { nodes: { quotes: { nodes: Placed[] } }[] };
    }>(`{
      articles(first: 1) { nodes { claims(first: 100) { nodes { ${CLAIM} ... on Quote { words { start } } } } } }
      people(first: 100) { nodes { quotes(first: 100) { nodes { ${CLAIM} words { start } } } } }
    }`);
    const claims = articles.nodes[0]?.claims.nodes ?? [];
    expect(claims.length).toBeGreaterThan(1);
    expect(isSorted(claims, compare)).toBe(true);
    for (const person of people.nodes) expect(isSorted(person.quotes.nodes, compare)).toBe(true);
  });

  it('lists entities in the order of the data files by default, by name or by mention count on request', async () => {
    type Named = { nodes: { name: string; slug: string; mentionCount: number }[] };
    const answer = await data<Record<string, Named>>(`{
      all: entities(first: 100) { nodes { name slug mentionCount } }
      people: people(first: 100) { nodes { name slug mentionCount } }
      byName: entities(first: 100, orderBy: { field: NAME }) { nodes { name slug mentionCount } }
      byNameDesc: places(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { name slug mentionCount } }
      mostMentioned: entities(first: 100, orderBy: { field: MENTION_COUNT, direction: DESC }) { nodes { name slug mentionCount } }
      leastMentioned: countries(first: 100, orderBy: { field: MENTION_COUNT }) { nodes { name slug mentionCount } }
    }`);
    const slugs = (list: Named | undefined) => list?.nodes.map((n) => n.slug) ?? [];
    // People come first in the data files: the list of people is the head of the list of all.
    expect(slugs(answer.all).slice(0, slugs(answer.people).length)).toEqual(slugs(answer.people));
    expect(isSorted(answer.byName?.nodes ?? [], (a, b) => collator.compare(a.name, b.name))).toBe(true);
    expect(isSorted(answer.byNameDesc?.nodes ?? [], (a, b) => collator.compare(b.name, a.name))).toBe(true);
    const byCount = (sign: number) => (a: Named['nodes'][number], b: Named['nodes'][number]) =>
      (a.mentionCount - b.mentionCount) * sign || collator.compare(a.name, b.name);
    expect(isSorted(answer.mostMentioned?.nodes ?? [], byCount(-1))).toBe(true);
    expect(isSorted(answer.leastMentioned?.nodes ?? [], byCount(1))).toBe(true);
    expect(new Set(slugs(answer.mostMentioned))).toEqual(new Set(slugs(answer.all)));
  });

  it('one list ordered both ways in one process: each direction its own order (a kept sort once answered both)', async () => {
    type Counted = { nodes: { name: string; mentionCount: number }[] };
    const fields = '{ nodes { name mentionCount } }';
    const answer = await data<Record<string, Counted>>(`{
      countUp: people(first: 100, orderBy: { field: MENTION_COUNT }) ${fields}
      countDown: people(first: 100, orderBy: { field: MENTION_COUNT, direction: DESC }) ${fields}
      nameDown: countries(first: 100, orderBy: { field: NAME, direction: DESC }) ${fields}
      nameUp: countries(first: 100, orderBy: { field: NAME }) ${fields}
    }`);
    const byCount = (sign: number) => (a: Counted['nodes'][number], b: Counted['nodes'][number]) =>
      (a.mentionCount - b.mentionCount) * sign || collator.compare(a.name, b.name);
    expect(new Set(answer.countUp?.nodes.map((n) => n.mentionCount)).size).toBeGreaterThan(1);
    expect(isSorted(answer.countUp?.nodes ?? [], byCount(1))).toBe(true);
    expect(isSorted(answer.countDown?.nodes ?? [], byCount(-1))).toBe(true);
    expect(isSorted(answer.nameDown?.nodes ?? [], (a, b) => collator.compare(b.name, a.name))).toBe(true);
    expect(isSorted(answer.nameUp?.nodes ?? [], (a, b) => collator.compare(a.name, b.name))).toBe(true);
  });

  it('orders events by date: earliest first, open ranges last among equal starts, latest first backwards', async () => {
    type Dated = { nodes: { date: { earliest: string; latest: string | null } }[] };
    const answer = await data<{ up: Dated; down: Dated }>(`{
      up: events(first: 100, orderBy: { field: DATE }) { nodes { date { earliest latest } } }
      down: events(first: 100, orderBy: { field: DATE, direction: DESC }) { nodes { date { earliest latest } } }
    }`);
    const compare = (a: Dated['nodes'][number], b: Dated['nodes'][number]) =>
      collator.compare(a.date.earliest, b.date.earliest) ||
      collator.compare(a.date.latest ?? '~', b.date.latest ?? '~');
    expect(isSorted(answer.up.nodes, compare)).toBe(true);
    expect(isSorted(answer.down.nodes, (a, b) => compare(b, a))).toBe(true);
  });
});

describe('date ranges', () => {
  const day = (iso: string, delta: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);

  it('include both ends, for overlap and for containment, and exclude the day beyond each', async () => {
    const { events } = await data<{
      events: { nodes: { id: string; date: { earliest: string; latest: string | null } }[] };
    }>('{ events(first: 100) { nodes { id date { earliest latest } } } }');
    const event = events.nodes.find((e) => e.date.latest !== null && e.date.latest !== e.date.earliest);
    if (!event?.date.latest) throw new Error('the corpus has an event dated by a month, a year or a closed range');
    const { earliest, latest } = { earliest: event.date.earliest, latest: event.date.latest };
    const matches = async (from: string | null, to: string | null, match: 'OVERLAPS' | 'WITHIN') => {
      const { events: found } = await data<{ events: { nodes: { id: string }[] } }>(
        'query ($date: DateRange!) { events(first: 100, date: $date) { nodes { id } } }',
        { date: { from, to, match } },
      );
      return found.nodes.some((e) => e.id === event.id);
    };
    // Overlap: a range ending on its first day, or starting on its last, holds it.
    expect(await matches(null, earliest, 'OVERLAPS')).toBe(true);
    expect(await matches(null, day(earliest, -1), 'OVERLAPS')).toBe(false);
    expect(await matches(latest, null, 'OVERLAPS')).toBe(true);
    expect(await matches(day(latest, 1), null, 'OVERLAPS')).toBe(false);
    expect(await matches(day(earliest, 1), day(earliest, 1), 'OVERLAPS')).toBe(true);
    // Containment: only a range holding every day it can mean.
    expect(await matches(earliest, latest, 'WITHIN')).toBe(true);
    expect(await matches(day(earliest, 1), latest, 'WITHIN')).toBe(false);
    expect(await matches(earliest, day(latest, -1), 'WITHIN')).toBe(false);
    expect(await matches(day(earliest, 1), day(earliest, 1), 'WITHIN')).toBe(false);
  });

  it('reads a month or a year as all its days', async () => {
    const { events } = await data<{ events: { nodes: { id: string; date: { earliest: string } }[] } }>(
      '{ events(first: 100) { nodes { id date { earliest } } } }',
    );
    const event = events.nodes[0];
    if (!event) throw new Error('the corpus has an event');
    const [year, month] = event.date.earliest.split('-');
    for (const range of [
      { from: `${year}-${month}`, to: `${year}-${month}` },
      { from: year, to: year },
    ]) {
      const { events: found } = await data<{ events: { nodes: { id: string }[] } }>(
        'query ($date: DateRange!) { events(first: 100, date: $date) { nodes { id } } }',
        { date: range },
      );
      expect(found.nodes.map((e) => e.id)).toContain(event.id);
    }
  });

  it('refuses a malformed date and a range that ends before it starts', async () => {
    const malformed = await errorOf('{ events(date: { from: "2024-13" }) { totalCount } }');
    expect(malformed.message).toBe(
      'Argument "date.from" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "2024-13".',
    );
    const backwards = await errorOf('{ agreements(date: { from: "2025", to: "2024-12" }) { totalCount } }');
    expect(backwards.message).toBe('Argument "date" ends (2024-12) before it starts (2025).');
    expect(backwards.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('sentences', () => {
  it('are nodes whose text is the article text at their offsets, refetchable by ID', async () => {
    const { articles } = await data<{
      articles: {
        nodes: { text: string; sentences: { nodes: { id: string; start: number; end: number; text: string }[] } }[];
      };
    }>('{ articles(first: 1) { nodes { text sentences(first: 100) { nodes { id start end text } } } } }');
    const article = articles.nodes[0];
    if (!article) throw new Error('the corpus has an article');
    for (const sentence of article.sentences.nodes) {
      expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    const [first] = article.sentences.nodes;
    const { node } = await data<{ node: { text: string } }>(
      'query ($id: ID!) { node(id: $id) { ... on Sentence { text } } }',
      {
        id: first?.id,
      },
    );
    expect(node.text).toBe(first?.text);
  });

  it("hold the claims whose evidence they hold, as each claim's evidence leads to them", async () => {
    const { articles } = await data<{
      articles: {
        nodes: {
          claims: {
            nodes: {
              id: string;
              evidence: { start: number; end: number; sentence: { id: string; claims: { nodes: { id: string }[] } } }[];
            }[];
          };
        }[];
      };
    }>(`{ articles(first: 1) { nodes { claims(first: 100) { nodes {
          id evidence { start end sentence { id claims(first: 100) { nodes { id } } } } } } } } }`);
    const claims = articles.nodes[0]?.claims.nodes ?? [];
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      for (const evidence of claim.evidence) {
        expect(evidence.sentence.claims.nodes.map((c) => c.id)).toContain(claim.id);
        const bySentence = await data<{ articles: { nodes: { claims: { nodes: { id: string }[] } }[] } }>(
          'query ($s: ID!) { articles(first: 1) { nodes { claims(first: 100, sentence: $s) { nodes { id } } } } }',
          { s: evidence.sentence.id },
        );
        expect(bySentence.articles.nodes[0]?.claims.nodes).toEqual(evidence.sentence.claims.nodes);
        const bySpan = await data<{ articles: { nodes: { claims: { nodes: { id: string }[] } }[] } }>(
          'query ($start: Int!, $end: Int!) { articles(first: 1) { nodes { claims(first: 100, overlapping: { start: $start, end: $end }) { nodes { id } } } } }',
          { start: evidence.start, end: evidence.end },
        );
        expect(bySpan.articles.nodes[0]?.claims.nodes.map((c) => c.id)).toContain(claim.id);
      }
    }
  });

  it('refuse an empty or backwards span', async () => {
    const error = await errorOf(
      '{ articles { nodes { claims(overlapping: { start: 10, end: 10 }) { totalCount } } } }',
    );
    expect(error.message).toBe('Argument "overlapping" must have 0 <= start < end, got start 10 and end 10.');
  });
});
