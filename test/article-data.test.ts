/**
 * The real article's data: every piece of evidence the server serves is the article's exact words
 * at the offsets it gives, and the data holds the expected number of records of each kind.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../src/data/records.ts';
import { client, corpus, globalId } from './helpers.ts';

const api = client(corpus());
const bytes = readFileSync(new URL('../data/articles/a16048bde2f63942/text.txt', import.meta.url));
const text = bytes.toString('utf8');

const EVIDENCE_OF_EVERY_TYPE = /* GraphQL */ `
  fragment E on Evidence { exact prefix suffix start end sentence { start end text } article { sha256 } }
  query ($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Entity { mentions(first: 100) { nodes { ...E } } titles(first: 100) { nodes { evidence { ...E } } } }
      ... on Claim { evidence { ...E } }
      ... on Accusation {
        accusers { evidence { ...E } } accused { evidence { ...E } } items { evidence { ...E } }
        beneficiaries { evidence { ...E } } responses { evidence { ...E } }
      }
      ... on Agreement {
        parties { evidence { ...E } } signatories { evidence { ...E } } publishedBy { evidence { ...E } }
        articleCountEvidence { ...E }
      }
      ... on Quote { words { ...E } speakerEvidence { ...E } channelEvidence { ...E } about { evidence { ...E } } }
      ... on Event { date { phrase { ...E } } place { evidence { ...E } } participants { evidence { ...E } } }
      ... on Article { titleEvidence { ...E } publisherEvidence { ...E } publicationDateEvidence { ...E } }
    }
  }
`;

interface ServedEvidence {
  exact: string;
  prefix: string | null;
  suffix: string | null;
  start: number;
  end: number;
  sentence: { start: number; end: number; text: string };
  article: { sha256: string };
}

/** Every object in a JSON tree that has an `exact` field: the evidence a response holds. */
function collect(value: unknown, into: ServedEvidence[] = []): ServedEvidence[] {
  if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value && typeof value === 'object') {
    if ('exact' in value) into.push(value as ServedEvidence);
    else for (const item of Object.values(value)) collect(item, into);
  }
  return into;
}

/** Evidence objects held by the loaded records, counted the same way from the other side. */
function countLoaded(): number {
  const data = corpus();
  const records: unknown[] = [...data.records()];
  const mentions = [...data.records()].map((record: NodeRecord) => data.mentions(record.id));
  return collect([records, mentions]).length;
}

describe('evidence served for the article', () => {
  it('is the article text, verbatim, at every offset served, for every record', async () => {
    const ids = [...corpus().records()].map((record) => globalId(record.kind, record.id));
    const served: ServedEvidence[] = [];
    for (let i = 0; i < ids.length; i += 10) {
      const { data, errors } = await api.run(EVIDENCE_OF_EVERY_TYPE, { ids: ids.slice(i, i + 10) });
      expect(errors).toBeUndefined();
      collect(data, served);
    }
    expect(served.length).toBe(countLoaded());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    for (const evidence of served) {
      expect(text.slice(evidence.start, evidence.end)).toBe(evidence.exact);
      expect(text.slice(evidence.sentence.start, evidence.sentence.end)).toBe(evidence.sentence.text);
      expect(evidence.sentence.start).toBeLessThanOrEqual(evidence.start);
      expect(evidence.article.sha256).toBe(sha256);
      if (evidence.prefix)
        expect(text.slice(evidence.start - evidence.prefix.length, evidence.start)).toBe(evidence.prefix);
      if (evidence.suffix)
        expect(text.slice(evidence.end, evidence.end + evidence.suffix.length)).toBe(evidence.suffix);
    }
  });

  it('gives the article itself: text, SHA-256 and inferred publication date', async () => {
    const { data } = await api.run<{ articles: { nodes: Record<string, unknown>[] } }>(
      '{ articles { nodes { title publisher publishedOn language length sha256 text } } }',
    );
    expect(data?.articles.nodes).toEqual([
      {
        title: 'Russia and Iran sign “strategic partnership agreement” to oppose any “diktat” from the West',
        publisher: 'DayFR Euro',
        publishedOn: '2025-01-17',
        language: 'en',
        length: text.length,
        sha256: '5df2e37dcec6f58faf70ee476b6902591b3bd65ee752865106036796302ca12f',
        text,
      },
    ]);
  });
});

describe('records of the article', () => {
  it('has the expected number of each kind', async () => {
    const { data } = await api.run<Record<string, { totalCount: number; nodes?: { provisions: unknown[] }[] }>>(`{
      people { totalCount } countries { totalCount } organizations { totalCount } places { totalCount }
      items { totalCount } accusations { totalCount } quotes { totalCount } events { totalCount } articles { totalCount }
      agreements { totalCount nodes { provisions { id } } }
    }`);
    const counts = Object.fromEntries(Object.entries(data ?? {}).map(([kind, list]) => [kind, list.totalCount]));
    expect(counts).toEqual({
      people: 7,
      countries: 8,
      organizations: 6,
      places: 7,
      items: 3,
      accusations: 2,
      quotes: 12,
      events: 16,
      articles: 1,
      agreements: 3,
    });
    expect(data?.agreements?.nodes?.flatMap((a) => a.provisions)).toHaveLength(7);
  });

  it('links the article to every entity it mentions and every claim it states, and back', async () => {
    const { data } = await api.run<{
      articles: { nodes: { entities: { totalCount: number }; claims: { totalCount: number } }[] };
      people: { nodes: { articles: { nodes: { publishedOn: string }[] } }[] };
    }>(`{
      articles { nodes { entities { totalCount } claims { totalCount } } }
      people { nodes { articles { nodes { publishedOn } } } }
    }`);
    expect(data?.articles.nodes).toEqual([{ entities: { totalCount: 31 }, claims: { totalCount: 40 } }]);
    for (const person of data?.people.nodes ?? []) {
      expect(person.articles.nodes).toEqual([{ publishedOn: '2025-01-17' }]);
    }
  });

  it('names every person with the role or title the article gives', async () => {
    const { data } = await api.run<{ people: { nodes: { name: string; titles: { nodes: { title: string }[] } }[] } }>(
      '{ people { nodes { name titles { nodes { title } } } } }',
    );
    const titles = Object.fromEntries(
      data?.people.nodes.map((p) => [p.name, p.titles.nodes.map((t) => t.title)]) ?? [],
    );
    expect(titles['Vladimir Putin']).toContain('Russian President');
    expect(titles['Abbas Araghchi']).toContain('the head of Iranian diplomacy');
    expect(titles['Mikhail Mishustin']).toContain('Russian Prime Minister');
    expect(titles['Sergei Lavrov']).toContain('the head of Russian diplomacy');
    expect(Object.values(titles).every((list) => list.length > 0)).toBe(true);
  });

  it('maps capitals used for governments to their countries, keeping the surface form', async () => {
    const { data } = await api.run<{
      countries: { nodes: { name: string; mentions: { nodes: { exact: string }[] } }[] };
    }>('{ countries { nodes { name mentions { nodes { exact } } } } }');
    const surface = Object.fromEntries(
      data?.countries.nodes.map((c) => [c.name, c.mentions.nodes.map((m) => m.exact)]) ?? [],
    );
    expect(surface.Russia).toContain('Moscow');
    expect(surface.Iran).toContain('Tehran');
    expect(surface['North Korea']).toContain('Pyongyang');
    expect(surface.Ukraine).toContain('kyiv');
    expect(surface['United States']).toContain('Washington');
    expect(surface.China).toContain('Beijing');
  });

  it('dates every event against the publication date, with the phrase it came from', async () => {
    const { data } = await api.run<{
      events: {
        nodes: {
          name: string;
          date: { precision: string; start: string; end: string | null; phrase: { exact: string } };
        }[];
      };
    }>('{ events(first: 100) { nodes { name date { precision start end phrase { exact } } } } }');
    const byPhrase = Object.fromEntries(data?.events.nodes.map((e) => [e.date.phrase.exact, e.date]) ?? []);
    expect(byPhrase['this Friday, January 17']).toMatchObject({ precision: 'DAY', start: '2025-01-17' });
    expect(byPhrase['in December']).toMatchObject({ precision: 'MONTH', start: '2024-12' });
    expect(byPhrase['last year']).toMatchObject({ precision: 'YEAR', start: '2024' });
    expect(byPhrase['between 2017 and 2021']).toMatchObject({ precision: 'RANGE', start: '2017', end: '2021' });
    expect(byPhrase['in July 2022']).toMatchObject({ precision: 'MONTH', start: '2022-07' });
  });
});
