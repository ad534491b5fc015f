/**
 * The questions a new user asks of the article, each answered in one operation with its exact
 * answer (issue 13): an entity by its slug, the most mentioned entities, the claims of a
 * sentence or a span, the events of a month, search that finds what the API holds, names the
 * article never writes. Every mention is counted against the occurrences of the names in the
 * text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleCorpus, client } from '../helpers.ts';

const api = client(articleCorpus());
const ARTICLE = new URL('../../data/articles/a16048bde2f63942/', import.meta.url);
const text = readFileSync(new URL('text.txt', ARTICLE), 'utf8');

interface EvidenceFile {
  exact: string;
  prefix?: string;
  suffix?: string;
}

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.run<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

describe('North Korea, by its slug', () => {
  it('is fetched by slug with the accusations it faces, who makes them and how it answered', async () => {
    const answer = await data(`{
      country(slug: "north-korea") {
        name slug mentionCount
        accusationsFaced { nodes { act accusers { actor { name } } responses { actor { name } stance } } }
      }
    }`);
    expect(answer).toEqual({
      country: {
        name: 'North Korea',
        slug: 'north-korea',
        mentionCount: 5,
        accusationsFaced: {
          nodes: [
            {
              act: 'having sent soldiers to fight with the Russian army against Ukrainian forces',
              accusers: [{ actor: { name: 'Ukraine' } }, { actor: { name: 'the West' } }],
              responses: [
                { actor: { name: 'Russia' }, stance: 'NEITHER_CONFIRMED_NOR_DENIED' },
                { actor: { name: 'North Korea' }, stance: 'NEITHER_CONFIRMED_NOR_DENIED' },
              ],
            },
          ],
        },
      },
    });
  });
});

describe('mentions', () => {
  /** How often each entity is mentioned: its names' occurrences, less exclusions, plus descriptions. */
  const EXPECTED: Record<string, number> = {
    russia: 24,
    iran: 18,
    'vladimir-putin': 11,
    'massoud-pezeshkian': 10,
    ukraine: 7,
    'north-korea': 5,
    'the-west': 5,
    'united-states': 3,
    gaza: 3,
    'abbas-araghchi': 2,
    'donald-trump': 2,
    kremlin: 2,
    'russian-army': 2,
    'the-kremlin-site': 2,
    'moscow-city': 2,
    'tehran-city': 2,
    'bashar-al-assad': 1,
    'mikhail-mishustin': 1,
    'sergei-lavrov': 1,
    syria: 1,
    china: 1,
    israel: 1,
    'ria-novosti': 1,
    brics: 1,
    hamas: 1,
    baku: 1,
    'the-middle-east': 1,
    'tomb-of-the-unknown-soldier': 1,
    'explosive-drones': 1,
    'short-range-missiles': 1,
    soldiers: 1,
  };

  it('lists the five most mentioned entities, with counts that match the text', async () => {
    const answer = await data(`{
      entities(first: 5, orderBy: { field: MENTION_COUNT, direction: DESC }) { nodes { __typename name mentionCount } }
    }`);
    expect(answer).toEqual({
      entities: {
        nodes: [
          { __typename: 'Country', name: 'Russia', mentionCount: 24 },
          { __typename: 'Country', name: 'Iran', mentionCount: 18 },
          { __typename: 'Person', name: 'Vladimir Putin', mentionCount: 11 },
          { __typename: 'Person', name: 'Massoud Pezeshkian', mentionCount: 10 },
          { __typename: 'Country', name: 'Ukraine', mentionCount: 7 },
        ],
      },
    });
  });

  it("counts, for every entity, its names' occurrences in the text, less exclusions, plus descriptions", async () => {
    const { entities } = await data<{
      entities: {
        nodes: {
          slug: string;
          mentionCount: number;
          names: { text: string }[];
          mentions: { totalCount: number; nodes: { exact: string; start: number; end: number; form: string }[] };
        }[];
      };
    }>(`{ entities(first: 40) { nodes { slug mentionCount names { text }
          mentions(first: 30) { totalCount nodes { exact start end form } } } } }`);
    const records = JSON.parse(readFileSync(new URL('mentions.json', ARTICLE), 'utf8')) as {
      entity: string;
      descriptions?: EvidenceFile[];
      exclusions?: { evidence: EvidenceFile[] }[];
    }[];
    const counts: Record<string, number> = {};
    for (const entity of entities.nodes) {
      // Occurrences of each name as a whole word, the case of its first letter free; one inside
      // a longer one of the same entity ("Putin" in "Vladimir Putin") is part of it.
      const spans = entity.names
        .flatMap(({ text: name }) => {
          const first = name.charAt(0);
          const pattern = `[${first.toLowerCase()}${first.toUpperCase()}]${escapeRegExp(name.slice(1))}`;
          return [
            ...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${pattern}(?![\\p{L}\\p{N}\\p{M}])`, 'gu')),
          ].map((match) => [match.index, match.index + name.length] as const);
        })
        .filter(([start, end], _, all) => !all.some(([s, e]) => s <= start && end <= e && e - s > end - start));
      const record = records.find((r) => r.entity === entity.slug);
      const excluded = (record?.exclusions ?? []).flatMap((group) => group.evidence).length;
      const described = record?.descriptions?.length ?? 0;
      expect(entity.mentionCount, entity.slug).toBe(spans.length - excluded + described);
      expect(entity.mentions.totalCount).toBe(entity.mentionCount);
      for (const mention of entity.mentions.nodes) {
        expect(text.slice(mention.start, mention.end)).toBe(mention.exact);
      }
      counts[entity.slug] = entity.mentionCount;
    }
    expect(counts).toEqual(EXPECTED);
  });

  it('says how each place refers to the entity', async () => {
    const { country } = await data<{
      country: { mentions: { nodes: { exact: string; form: string; name: string }[] } };
    }>(`{ country(slug: "iran") { mentions(first: 100) { nodes { exact form name } } } }`);
    const forms = country.mentions.nodes.map((m) => `${m.form}:${m.exact}`);
    expect(new Set(forms)).toEqual(
      new Set([
        'NAME:Iran',
        'CAPITAL:Tehran',
        'DEMONYM:Iranian',
        'DESCRIPTION:The two countries',
        'DESCRIPTION:the two countries',
        'DESCRIPTION:the signatory countries',
      ]),
    );
  });

  it('says which names the article never writes: China and the United States', async () => {
    const answer = await data(`{
      china: country(slug: "china") { names { text form written mentionCount } }
      usa: country(slug: "united-states") { names { text form written mentionCount } }
    }`);
    expect(answer).toEqual({
      china: {
        names: [
          { text: 'China', form: 'NAME', written: false, mentionCount: 0 },
          { text: 'Beijing', form: 'CAPITAL', written: true, mentionCount: 1 },
        ],
      },
      usa: {
        names: [
          { text: 'United States', form: 'NAME', written: false, mentionCount: 0 },
          { text: 'Washington', form: 'CAPITAL', written: true, mentionCount: 1 },
          { text: 'American', form: 'DEMONYM', written: true, mentionCount: 2 },
        ],
      },
    });
  });

  it('resolves a name, an alias or a surface form to its entities with their kind', async () => {
    const answer = await data(`{
      tehran: entitiesNamed(name: "Tehran") { kind form entity { slug } }
      kyiv: entitiesNamed(name: "Kyiv") { kind form text entity { slug } }
      kremlin: entitiesNamed(name: "the Kremlin") { kind entity { slug } }
      counterpart: entitiesNamed(name: "his Iranian counterpart") { kind form entity { slug } }
      nobody: entitiesNamed(name: "Atlantis") { kind }
    }`);
    expect(answer).toEqual({
      tehran: [
        { kind: 'PLACE', form: 'NAME', entity: { slug: 'tehran-city' } },
        { kind: 'COUNTRY', form: 'CAPITAL', entity: { slug: 'iran' } },
      ],
      kyiv: [{ kind: 'COUNTRY', form: 'CAPITAL', text: 'kyiv', entity: { slug: 'ukraine' } }],
      kremlin: [
        { kind: 'ORGANIZATION', entity: { slug: 'kremlin' } },
        { kind: 'PLACE', entity: { slug: 'the-kremlin-site' } },
      ],
      counterpart: [{ kind: 'PERSON', form: 'DESCRIPTION', entity: { slug: 'massoud-pezeshkian' } }],
      nobody: [],
    });
  });
});

describe('sentences and spans', () => {
  it('gives the claims of the sentence holding "Accusations rejected by Iran"', async () => {
    const answer = await data(`{
      articles { nodes { sentences(containing: "Accusations rejected by Iran", first: 1) { nodes {
        index text start end
        mentions { exact form entity { name } }
        claims(first: 5) { nodes { __typename ... on Accusation { act } } }
      } } } }
    }`);
    expect(answer).toEqual({
      articles: {
        nodes: [
          {
            sentences: {
              nodes: [
                {
                  index: 20,
                  text: 'Accusations rejected by Iran.',
                  start: 2659,
                  end: 2688,
                  mentions: [{ exact: 'Iran', form: 'NAME', entity: { name: 'Iran' } }],
                  claims: {
                    nodes: [
                      {
                        __typename: 'Accusation',
                        act: 'supplying explosive drones and short-range missiles to Russia, thus helping the Russian army in Ukraine',
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('gives the claims that cite characters 2500 to 2700', async () => {
    const answer = await data(
      `{ articles { nodes { claims(overlapping: { start: 2500, end: 2700 }) { nodes { __typename ... on Accusation { act } } } } } }`,
    );
    // The North Korea accusation's response ("Moscow and Pyongyang have neither confirmed nor denied")
    // ends at 2505; the Iran accusation and its response lie inside the span.
    expect(answer).toEqual({
      articles: {
        nodes: [
          {
            claims: {
              nodes: [
                {
                  __typename: 'Accusation',
                  act: 'having sent soldiers to fight with the Russian army against Ukrainian forces',
                },
                {
                  __typename: 'Accusation',
                  act: 'supplying explosive drones and short-range missiles to Russia, thus helping the Russian army in Ukraine',
                },
              ],
            },
          },
        ],
      },
    });
  });
});

describe('dates', () => {
  it('gives the events of October 2024: overlapping the month, or within it', async () => {
    const answer = await data(`{
      overlapping: events(date: { from: "2024-10", to: "2024-10" }) { nodes { name date { start precision } } }
      within: events(date: { from: "2024-10", to: "2024-10", match: WITHIN }) { nodes { name } }
    }`);
    expect(answer).toEqual({
      overlapping: {
        nodes: [
          {
            name: 'conclusion of the Russia–North Korea text of the same name',
            date: { start: '2024', precision: 'YEAR' },
          },
          { name: 'the last meeting between Pezeshkian and Putin', date: { start: '2024-10', precision: 'MONTH' } },
          { name: 'the BRICS summit in Russia', date: { start: '2024-10', precision: 'MONTH' } },
          { name: 'Sergei Lavrov received in Tehran', date: { start: '2024-10', precision: 'MONTH' } },
        ],
      },
      within: {
        nodes: [
          { name: 'the last meeting between Pezeshkian and Putin' },
          { name: 'the BRICS summit in Russia' },
          { name: 'Sergei Lavrov received in Tehran' },
        ],
      },
    });
  });

  it('orders agreements by date, and counts the sections of the treaty under an unambiguous name', async () => {
    const answer = await data(`{
      agreements(orderBy: { field: DATE, direction: DESC }) { nodes { name date { start } sectionCount } }
    }`);
    expect(answer).toEqual({
      agreements: {
        nodes: [
          { name: 'comprehensive strategic partnership agreement', date: { start: '2025-01-17' }, sectionCount: 47 },
          {
            name: 'text of the same name',
            date: { start: '2024' },
            sectionCount: null,
          },
          { name: 'truce agreement between Israel and Hamas', date: null, sectionCount: null },
        ],
      },
    });
  });
});

describe('search', () => {
  const SEARCH = `query ($q: String!) { search(query: $q) { totalCount nodes {
    label fields words matchesAllWords subject { __typename } highlights { exact start end } } } }`;

  interface Hits {
    search: {
      totalCount: number;
      nodes: {
        label: string;
        fields: string[];
        words: string[];
        matchesAllWords: boolean;
        subject: { __typename: string };
        highlights: { exact: string; start: number; end: number }[];
      }[];
    };
  }

  const short = (hits: Hits) =>
    hits.search.nodes.map((n) => [n.subject.__typename, n.fields, n.highlights.map((h) => h.exact)]);

  it('finds "rejected" in the response it is evidence of, and in its sentence', async () => {
    const hits = await data<Hits>(SEARCH, { q: 'rejected' });
    expect(short(hits)).toEqual([
      ['Sentence', ['TEXT'], ['rejected']],
      ['Accusation', ['EVIDENCE'], ['rejected']],
    ]);
    for (const hit of hits.search.nodes) {
      for (const h of hit.highlights) expect(text.slice(h.start, h.end)).toBe(h.exact);
    }
  });

  it('finds "corridor" in the statement of the corridor project and in the sentence that holds it', async () => {
    const hits = await data<Hits>(SEARCH, { q: 'corridor' });
    expect(hits.search.nodes.map((n) => [n.subject.__typename, n.label])).toEqual([
      [
        'Statement',
        'Russia particularly wishes to develop a logistics, rail and maritime corridor project, between Moscow, Baku and Tehran, on a north-south axis',
      ],
      [
        'Sentence',
        'Russia particularly wishes to develop a logistics, rail and maritime corridor project, between Moscow, Baku and Tehran, on a north-south axis.',
      ],
    ]);
  });

  it('finds "accusations" as "accused" and "accusation", by stem', async () => {
    const hits = await data<Hits>(SEARCH, { q: 'accusations' });
    expect(short(hits)).toEqual([
      ['Accusation', ['EVIDENCE'], ['accused', 'Accusations']],
      ['Accusation', ['EVIDENCE'], ['accused']],
      ['Sentence', ['TEXT'], ['Accusations']],
      ['Sentence', ['TEXT'], ['accused']],
      ['Sentence', ['TEXT'], ['accused']],
    ]);
  });

  it('ranks the provision with both words before the one on "atomic energy"', async () => {
    const hits = await data<Hits>(SEARCH, { q: 'nuclear energy' });
    const provisions = hits.search.nodes.filter((n) => n.subject.__typename === 'Provision');
    expect(provisions.map((n) => [n.label, n.matchesAllWords])).toEqual([
      ['the construction of nuclear energy installations', true],
      ['exchanges in the field of peaceful uses of atomic energy', false],
    ]);
  });
});

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
