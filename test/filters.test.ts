/**
 * The filters of the root lists (accusations, agreements, events, quotes, statements) on the fixture: each
 * filter, for every value it can take, answers exactly the records a plain scan of the fixture's
 * files finds, in load order; filters given together are combined with AND.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Modality, Polarity, Predicate } from '../src/data/files.ts';
import { ENTITY_FILES, STATEMENT_ROLES } from '../src/data/records.ts';
import { client, FIXTURE_DIR, globalId } from './helpers.ts';

const api = client();

type Json = any;
const read = (path: string): Json[] => JSON.parse(readFileSync(join(FIXTURE_DIR, path), 'utf8'));
const articles = readdirSync(join(FIXTURE_DIR, 'articles')).sort();
/** The records of one claim file of every article that has it, in the order the loader reads them. */
const claims = (file: string) =>
  articles.flatMap((article) =>
    existsSync(join(FIXTURE_DIR, 'articles', article, `${file}.json`)) ? read(`articles/${article}/${file}.json`) : [],
  );

const accusations = claims('accusations');
const agreements = claims('agreements');
const events = claims('events');
const quotes = claims('quotes');
const statements = claims('statements');

/** Every entity of the fixture with the GraphQL type of its file, and every claim id with its type. */
const entities = Object.entries(ENTITY_FILES).flatMap(([file, type]) =>
  read(`entities/${file}.json`).map((record) => ({ id: record.id as string, type: type as string })),
);
const items = new Map(read('entities/items.json').map((item) => [item.id as string, item.category as string]));
const nodes = [
  ...entities,
  ...accusations.map((record) => ({ id: record.id, type: 'Accusation' })),
  ...agreements.map((record) => ({ id: record.id, type: 'Agreement' })),
  ...agreements.flatMap((record) => record.provisions.map((p: Json) => ({ id: p.id, type: 'Provision' }))),
  ...events.map((record) => ({ id: record.id, type: 'Event' })),
  ...quotes.map((record) => ({ id: record.id, type: 'Quote' })),
  ...statements.map((record) => ({ id: record.id, type: 'Statement' })),
];
const actors = entities.filter((entity) => ['Person', 'Country', 'Organization'].includes(entity.type));
const ofType = (...types: string[]) => entities.filter((entity) => types.includes(entity.type));

const refs = (roles: Json[] | undefined) => (roles ?? []).map((role) => role.ref as string);
/** The records a statement names in any of its roles. */
const valuesOf = (statement: Json) => Object.keys(STATEMENT_ROLES).flatMap((field) => refs(statement[field]));

interface Filter {
  list: 'accusations' | 'agreements' | 'events' | 'quotes' | 'statements';
  argument: string;
  /** The values to try: global IDs of records, or enum values. */
  values: { argument: string; id?: string }[];
  /** Whether a record of the list passes the filter for a value (its record id, or the enum value). */
  passes: (record: Json, value: string) => boolean;
}

const byId = (candidates: { id: string; type: string }[]) =>
  candidates.map(({ id, type }) => ({ argument: JSON.stringify(globalId(type, id)), id }));
const byEnum = (values: string[]) => values.map((value) => ({ argument: value, id: value }));

const FILTERS: Filter[] = [
  { list: 'accusations', argument: 'accuser', values: byId(actors), passes: (a, v) => refs(a.accusers).includes(v) },
  { list: 'accusations', argument: 'accused', values: byId(actors), passes: (a, v) => refs(a.accused).includes(v) },
  {
    list: 'accusations',
    argument: 'beneficiary',
    values: byId(actors),
    passes: (a, v) => refs(a.beneficiaries).includes(v),
  },
  { list: 'accusations', argument: 'item', values: byId(ofType('Item')), passes: (a, v) => refs(a.items).includes(v) },
  {
    list: 'accusations',
    argument: 'itemCategory',
    values: byEnum(['DRONE', 'MISSILE', 'TROOPS', 'OTHER']),
    passes: (a, v) => refs(a.items).some((item) => items.get(item) === v),
  },
  {
    list: 'accusations',
    argument: 'stance',
    values: byEnum(['DENIED', 'CONFIRMED', 'NEITHER_CONFIRMED_NOR_DENIED']),
    passes: (a, v) => (a.responses ?? []).some((response: Json) => response.stance === v),
  },
  { list: 'agreements', argument: 'party', values: byId(actors), passes: (a, v) => refs(a.parties).includes(v) },
  {
    list: 'agreements',
    argument: 'signatory',
    values: byId(ofType('Person')),
    passes: (a, v) => refs(a.signatories).includes(v),
  },
  {
    list: 'events',
    argument: 'participant',
    values: byId(actors),
    passes: (e, v) => refs(e.participants).includes(v),
  },
  {
    list: 'events',
    argument: 'location',
    values: byId(ofType('Place', 'Country')),
    passes: (e, v) => e.place?.ref === v,
  },
  {
    list: 'events',
    argument: 'kind',
    values: byEnum([...new Set(events.map((e) => e.kind as string)), 'SUMMIT']),
    passes: (e, v) => e.kind === v,
  },
  { list: 'quotes', argument: 'speaker', values: byId(actors), passes: (q, v) => q.speaker.ref === v },
  { list: 'quotes', argument: 'about', values: byId(nodes), passes: (q, v) => refs(q.about).includes(v) },
  {
    list: 'quotes',
    argument: 'channel',
    values: byEnum(['PRESS_CONFERENCE', 'NEWS_AGENCY_ARTICLE', 'QUOTED_BY_MEDIA', 'TRANSLATION', 'UNSPECIFIED']),
    passes: (q, v) => q.channel.kind === v,
  },
  { list: 'quotes', argument: 'form', values: byEnum(['FULL_SENTENCE', 'FRAGMENT']), passes: (q, v) => q.form === v },
  { list: 'events', argument: 'about', values: byId(nodes), passes: (e, v) => refs(e.about).includes(v) },
  {
    list: 'statements',
    argument: 'predicate',
    values: byEnum(Predicate.options),
    passes: (s, v) => s.predicate === v,
  },
  { list: 'statements', argument: 'subject', values: byId(nodes), passes: (s, v) => refs(s.subjects).includes(v) },
  { list: 'statements', argument: 'object', values: byId(nodes), passes: (s, v) => refs(s.objects).includes(v) },
  { list: 'statements', argument: 'involving', values: byId(nodes), passes: (s, v) => valuesOf(s).includes(v) },
  {
    list: 'statements',
    argument: 'speaker',
    values: byId(actors),
    passes: (s, v) => refs(s.attribution?.speakers).includes(v),
  },
  {
    list: 'statements',
    argument: 'polarity',
    values: byEnum(Polarity.options),
    passes: (s, v) => (s.polarity ?? 'AFFIRMED') === v,
  },
  { list: 'statements', argument: 'modality', values: byEnum(Modality.options), passes: (s, v) => s.modality === v },
];

const RECORDS = { accusations, agreements, events, quotes, statements };
const TYPES = {
  accusations: 'Accusation',
  agreements: 'Agreement',
  events: 'Event',
  quotes: 'Quote',
  statements: 'Statement',
};

/** The global IDs the server lists for `list(args)`, and its totalCount. */
async function listed(list: Filter['list'], args: string): Promise<string[]> {
  const { data, errors } = await api.run<Record<string, { totalCount: number; nodes: { id: string }[] }>>(
    `{ ${list}(first: 100${args ? `, ${args}` : ''}) { totalCount nodes { id } } }`,
  );
  expect(errors).toBeUndefined();
  const connection = data?.[list];
  expect(connection?.totalCount).toBe(connection?.nodes.length);
  return connection?.nodes.map((node) => node.id) ?? [];
}

const expected = (list: Filter['list'], keep: (record: Json) => boolean) =>
  RECORDS[list].filter(keep).map((record) => globalId(TYPES[list], record.id));

describe.each(FILTERS.map((filter) => [`${filter.list}(${filter.argument})`, filter] as const))(
  '%s',
  (_name, filter) => {
    it('lists exactly the records a scan of the files finds, for every value, in load order', async () => {
      let narrowing = 0;
      for (const value of filter.values) {
        const want = expected(filter.list, (record) => filter.passes(record, value.id ?? value.argument));
        expect(await listed(filter.list, `${filter.argument}: ${value.argument}`), value.argument).toEqual(want);
        if (want.length > 0 && want.length < RECORDS[filter.list].length) narrowing++;
      }
      // The fixture gives the filter something to find and something to leave out.
      expect(narrowing).toBeGreaterThan(0);
    });
  },
);

describe('filters together', () => {
  it('are combined with AND, for every pair of filters of one list and every pair of values', async () => {
    let nonEmpty = 0;
    let narrowed = 0;
    for (const [i, first] of FILTERS.entries()) {
      for (const second of FILTERS.slice(i + 1).filter((other) => other.list === first.list)) {
        for (const a of first.values) {
          for (const b of second.values) {
            const want = expected(
              first.list,
              (record) => first.passes(record, a.id ?? a.argument) && second.passes(record, b.id ?? b.argument),
            );
            // Only the pairs each of whose filters finds something alone: the others are empty anyway.
            if (expected(first.list, (record) => first.passes(record, a.id ?? a.argument)).length === 0) continue;
            if (expected(first.list, (record) => second.passes(record, b.id ?? b.argument)).length === 0) continue;
            const args = `${first.argument}: ${a.argument}, ${second.argument}: ${b.argument}`;
            expect(await listed(first.list, args), args).toEqual(want);
            if (want.length > 0) nonEmpty++;
            if (want.length < expected(first.list, (r) => first.passes(r, a.id ?? a.argument)).length) narrowed++;
          }
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(0);
    expect(narrowed).toBeGreaterThan(0);
  });

  it('page like any list', async () => {
    const varga = globalId('Person', 'anna-varga');
    const all = await listed('quotes', `speaker: "${varga}"`);
    expect(all.length).toBeGreaterThan(2);
    const { data } = await api.run<{ quotes: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ quotes(speaker: "${varga}", first: 2) { nodes { id } pageInfo { hasNextPage } } }`,
    );
    expect(data?.quotes.nodes.map((node) => node.id)).toEqual(all.slice(0, 2));
    expect(data?.quotes.pageInfo.hasNextPage).toBe(true);
  });
});
