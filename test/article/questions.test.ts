/**
 * The questions claimgraph exists to answer, asked through the server, with their exact answers
 * from the article.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleCorpus, client, globalId } from '../helpers.ts';

const api = client(articleCorpus());
const text = readFileSync(new URL('../../data/articles/a16048bde2f63942/text.txt', import.meta.url), 'utf8');

interface Named {
  name: string;
}
interface Located {
  exact: string;
  start: number;
  end: number;
}

describe('who accuses whom of supplying drones, and what did the accused answer?', () => {
  it('answers with the example operation GraphiQL opens with (docs/examples.md)', async () => {
    const operation = readFileSync(
      new URL('../../examples/operations/DroneAccusations.graphql', import.meta.url),
      'utf8',
    );
    const { data, errors } = await api.run<{
      accusations: {
        totalCount: number;
        nodes: {
          act: string;
          accusers: { actor: Named }[];
          accused: { actor: Named }[];
          items: { item: Named & { category: string } }[];
          beneficiaries: { actor: Named }[];
          responses: { actor: Named; stance: string; evidence: Located[] }[];
          evidence: (Located & { sentence: { text: string } })[];
        }[];
      };
    }>(operation);
    expect(errors).toBeUndefined();
    expect(data?.accusations.totalCount).toBe(1);
    const [accusation] = data?.accusations.nodes ?? [];
    expect(accusation?.accusers.map((r) => r.actor.name)).toEqual(['the West']);
    expect(accusation?.accused.map((r) => r.actor.name)).toEqual(['Iran']);
    expect(accusation?.items.map((r) => [r.item.name, r.item.category])).toEqual([
      ['explosive drones', 'DRONE'],
      ['short-range missiles', 'MISSILE'],
    ]);
    expect(accusation?.beneficiaries.map((r) => r.actor.name)).toEqual(['Russia', 'the Russian army']);
    expect(accusation?.responses.map((r) => [r.actor.name, r.stance, r.evidence.map((e) => e.exact)])).toEqual([
      ['Iran', 'DENIED', ['Accusations rejected by Iran']],
    ]);
    expect(accusation?.evidence[0]?.sentence.text).toBe(
      'Tehran, for its part, is accused by the West of supplying explosive drones and short-range missiles to ' +
        'Russia, thus helping the Russian army in Ukraine.',
    );
    for (const evidence of [...(accusation?.evidence ?? []), ...(accusation?.responses[0]?.evidence ?? [])]) {
      expect(text.slice(evidence.start, evidence.end)).toBe(evidence.exact);
    }
  });

  it('answers the soldiers accusation: each accused party neither confirmed nor denied', async () => {
    const { data } = await api.run<{
      accusations: {
        nodes: {
          accusers: { actor: Named }[];
          accused: { actor: Named }[];
          responses: { actor: Named; stance: string }[];
        }[];
      };
    }>(`{
      accusations(itemCategory: TROOPS, stance: NEITHER_CONFIRMED_NOR_DENIED) {
        nodes { accusers { actor { name } } accused { actor { name } } responses { actor { name } stance } }
      }
    }`);
    expect(data?.accusations.nodes).toEqual([
      {
        accusers: [{ actor: { name: 'Ukraine' } }, { actor: { name: 'the West' } }],
        accused: [{ actor: { name: 'North Korea' } }],
        responses: [
          { actor: { name: 'Russia' }, stance: 'NEITHER_CONFIRMED_NOR_DENIED' },
          { actor: { name: 'North Korea' }, stance: 'NEITHER_CONFIRMED_NOR_DENIED' },
        ],
      },
    ]);
  });

  it('filters by accuser and accused with global IDs, combining filters with AND', async () => {
    const run = (args: string) =>
      api.run<{ accusations: { totalCount: number } }>(`{ accusations(${args}) { totalCount } }`);
    const west = globalId('Organization', 'the-west');
    const iran = globalId('Country', 'iran');
    const ukraine = globalId('Country', 'ukraine');
    expect((await run(`accuser: "${west}"`)).data?.accusations.totalCount).toBe(2);
    expect((await run(`accuser: "${west}", accused: "${iran}"`)).data?.accusations.totalCount).toBe(1);
    expect((await run(`accuser: "${ukraine}", accused: "${iran}"`)).data?.accusations.totalCount).toBe(0);
    expect((await run('stance: DENIED')).data?.accusations.totalCount).toBe(1);
    expect((await run('stance: CONFIRMED')).data?.accusations.totalCount).toBe(0);
  });

  it("reaches the same answer from the accused side: a country's accusations faced and answered", async () => {
    const { data } = await api.run<{
      node: {
        name: string;
        accusationsFaced: { nodes: { act: string }[] };
        accusationsAnswered: { totalCount: number };
      };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Country { name accusationsFaced { nodes { act } } accusationsAnswered { totalCount } } } }`,
      { id: globalId('Country', 'iran') },
    );
    expect(data?.node).toEqual({
      name: 'Iran',
      accusationsFaced: {
        nodes: [
          {
            act: 'supplying explosive drones and short-range missiles to Russia, thus helping the Russian army in Ukraine',
          },
        ],
      },
      accusationsAnswered: { totalCount: 1 },
    });
  });
});

describe('what did Pezeshkian say, and where exactly in the article?', () => {
  it('lists his quotes in article order with their exact words, offsets and sentences', async () => {
    const { data, errors } = await api.run<{
      quotes: {
        nodes: { text: string; form: string; channel: string; words: Located & { sentence: { text: string } } }[];
      };
    }>(
      `query ($speaker: ID!) {
        quotes(speaker: $speaker) { nodes { text form channel words { exact start end sentence { text } } } }
      }`,
      { speaker: globalId('Person', 'massoud-pezeshkian') },
    );
    expect(errors).toBeUndefined();
    const quotes = data?.quotes.nodes ?? [];
    expect(quotes.map((q) => [q.text, q.form, q.channel, q.words.start])).toEqual([
      ['horizons', 'FRAGMENT', 'UNSPECIFIED', 1301],
      ['negotiations and peace', 'FRAGMENT', 'PRESS_CONFERENCE', 3539],
      ['political settlement', 'FRAGMENT', 'TRANSLATION', 3718],
      [
        'We hope that a permanent ceasefire will be established in Gaza and that the aggressions on this land will stop',
        'FULL_SENTENCE',
        'UNSPECIFIED',
        3910,
      ],
    ]);
    for (const quote of quotes) {
      expect(text.slice(quote.words.start, quote.words.end)).toBe(quote.text);
      expect(text).toContain(quote.words.sentence.text);
      expect(quote.words.sentence.text).toContain(quote.text);
    }
  });

  it('ties his press-conference words to the press conference, with its date', async () => {
    const { data } = await api.run<{
      quotes: { nodes: { text: string; event: { kind: string; date: { start: string; precision: string } } | null }[] };
    }>(
      `query ($speaker: ID!) { quotes(speaker: $speaker, channel: PRESS_CONFERENCE) { nodes { text event { kind date { start precision } } } } }`,
      { speaker: globalId('Person', 'massoud-pezeshkian') },
    );
    expect(data?.quotes.nodes).toEqual([
      {
        text: 'negotiations and peace',
        event: { kind: 'PRESS_CONFERENCE', date: { start: '2025-01-17', precision: 'DAY' } },
      },
    ]);
  });
});

describe('which agreements bind Russia, with which provisions?', () => {
  it('lists both agreements Russia is party to, with their provisions', async () => {
    const { data } = await api.run<{
      agreements: {
        nodes: {
          name: string;
          parties: { actor: Named }[];
          signatories: { actor: Named }[];
          date: { start: string; precision: string } | null;
          sectionCount: number | null;
          provisions: { summary: string; status: string }[];
        }[];
      };
    }>(
      `query ($party: ID!) {
        agreements(party: $party) {
          nodes { name parties { actor { name } } signatories { actor { name } } date { start precision } sectionCount provisions { summary status } }
        }
      }`,
      { party: globalId('Country', 'russia') },
    );
    const [iran, northKorea, ...rest] = data?.agreements.nodes ?? [];
    expect(rest).toEqual([]);
    expect(iran?.parties.map((p) => p.actor.name)).toEqual(['Russia', 'Iran']);
    expect(iran?.signatories.map((p) => p.actor.name)).toEqual(['Vladimir Putin', 'Massoud Pezeshkian']);
    expect(iran?.date).toEqual({ start: '2025-01-17', precision: 'DAY' });
    expect(iran?.sectionCount).toBe(47);
    expect(iran?.provisions).toEqual([
      { summary: 'develop military cooperation', status: 'PROVIDED' },
      { summary: 'support each other in the face of security threats', status: 'PROVIDED' },
      {
        summary:
          'if Russia or Iran faced aggression, the other country would not provide any aid to the aggressor country',
        status: 'PROVIDED',
      },
      {
        summary: 'the signatory countries would provide each other with military assistance in this scenario',
        status: 'NOT_PROVIDED',
      },
      { summary: 'exchanges in the field of peaceful uses of atomic energy', status: 'PROVIDED' },
      { summary: 'the construction of nuclear energy installations', status: 'PROVIDED' },
    ]);
    expect(northKorea?.parties.map((p) => p.actor.name)).toEqual(['Russia', 'North Korea']);
    expect(northKorea?.date).toEqual({ start: '2024', precision: 'YEAR' });
    expect(northKorea?.provisions).toEqual([
      { summary: 'immediate military aid in the event of armed aggression from a third country', status: 'PROVIDED' },
    ]);
  });
});

describe('search', () => {
  it('finds records by the words of names, quotes and claims, best first', async () => {
    const { data } = await api.run<{
      search: { nodes: { subject: { __typename: string; name?: string; text?: string } }[] };
    }>(
      `{ search(query: "drones") { nodes { subject { __typename ... on Item { name } ... on Accusation { act } } } } }`,
    );
    const types = data?.search.nodes.map((n) => n.subject.__typename);
    expect(types).toContain('Item');
    expect(types).toContain('Accusation');
    expect(data?.search.nodes[0]?.subject).toEqual({ __typename: 'Item', name: 'explosive drones' });
  });

  it('ranks the hits that match every word first', async () => {
    const { data } = await api.run<{
      search: { nodes: { matchesAllWords: boolean; subject: { __typename: string; text?: string } }[] };
    }>(
      `{ search(query: "ceasefire Gaza") { nodes { matchesAllWords subject { __typename ... on Quote { text } } } } }`,
    );
    const nodes = data?.search.nodes ?? [];
    expect(nodes[0]?.subject.text).toBe(
      'We hope that a permanent ceasefire will be established in Gaza and that the aggressions on this land will stop',
    );
    const complete = nodes.filter((n) => n.matchesAllWords).length;
    expect(complete).toBeGreaterThan(0);
    expect(nodes.slice(0, complete).every((n) => n.matchesAllWords)).toBe(true);
    expect(nodes.slice(complete).some((n) => n.matchesAllWords)).toBe(false);
    expect(nodes.length).toBeGreaterThan(complete);
  });
});
