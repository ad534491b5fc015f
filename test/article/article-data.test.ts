/**
 * The real article's data: every piece of evidence the server serves is the article's exact words
 * at the offsets it gives, and the data holds the expected number of records of each kind.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servedEvidenceVerbatim } from '../evidence.ts';
import { articleCorpus, client, withCost } from '../helpers.ts';

const api = client(articleCorpus(), withCost(1_000_000));
const bytes = readFileSync(new URL('../../data/articles/a16048bde2f63942/text.txt', import.meta.url));
const text = bytes.toString('utf8');

describe('evidence served for the article', () => {
  it('is the article text, verbatim, at every offset served, for every record', async () => {
    const served = await servedEvidenceVerbatim(articleCorpus());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(new Set(served.map((evidence) => evidence.article.sha256))).toEqual(new Set([sha256]));
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
      statements { totalCount }
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
      events: 18,
      statements: 29,
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
    expect(data?.articles.nodes).toEqual([{ entities: { totalCount: 31 }, claims: { totalCount: 71 } }]);
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
