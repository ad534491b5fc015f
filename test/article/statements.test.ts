/**
 * The seed article's statements and links (data/articles/a16048bde2f63942): one statement per
 * predicate with its roles and evidence, Araghchi's negated statement tied to his quote, the
 * events that lacked data or links, the titles that relate to other records, the second
 * agreement's name, and an actor's statements in both directions.
 */
import { describe, expect, it } from 'vitest';
import { articleCorpus, client, globalId, withCost } from '../helpers.ts';

const api = client(articleCorpus(), withCost(10_000_000));

interface Value {
  __typename: string;
  name?: string;
  predicate?: string;
}

/** A role as one line: its kind, what fills it (a record, or the words alone) and its evidence. */
const line = (role: { role: string; value: Value | null; evidence: { exact: string }[] }) => {
  const value = role.value;
  const label =
    value === null ? 'words' : value.predicate ? `Statement ${value.predicate}` : `${value.__typename} ${value.name}`;
  return `${role.role} ${label}: ${role.evidence.map((e) => e.exact).join(' | ')}`;
};

const VALUE = `value {
  __typename ... on Entity { name } ... on Agreement { name } ... on Event { name } ... on Statement { predicate }
}`;

/** The first statement of each predicate in the article, as the article words it. */
const ONE_PER_PREDICATE = {
  OPPOSITION: {
    id: 'statement-russia-iran-oppose-diktat-from-the-west',
    evidence: ['Russia and Iran sign “strategic partnership agreement” to oppose any “diktat” from the West'],
    roles: [
      'SUBJECT Country Russia: Russia',
      'SUBJECT Country Iran: Iran',
      'OBJECT words: any “diktat” from the West',
      'TARGET Organization the West: the West',
      'MEANS Agreement comprehensive strategic partnership agreement: sign “strategic partnership agreement”',
    ],
    modality: 'INTENDED',
    speakers: [],
  },
  COOPERATION: {
    id: 'statement-leaders-announce-stronger-military-cooperation',
    evidence: ['the two leaders notably announced a strengthening of their “military cooperation.”'],
    roles: [
      'SUBJECT Person Vladimir Putin: the two leaders',
      'SUBJECT Person Massoud Pezeshkian: the two leaders',
      'OBJECT words: a strengthening of their “military cooperation.”',
      'TIME Event Vladimir Putin received his Iranian counterpart at the Kremlin: at the Kremlin, where',
    ],
    modality: 'ANNOUNCED',
    speakers: ['Vladimir Putin', 'Massoud Pezeshkian'],
  },
  ALLIANCE: {
    id: 'statement-russia-iran-alliance',
    evidence: ['within the framework of their alliance'],
    roles: [
      'SUBJECT Country Russia: their alliance',
      'SUBJECT Country Iran: their alliance',
      'PURPOSE Statement COUNTERWEIGHT: intended as a counterweight to any “diktat” of the West',
    ],
    modality: null,
    speakers: [],
  },
  COUNTERWEIGHT: {
    id: 'statement-russia-iran-alliance-counterweight-to-the-west',
    evidence: ['their alliance intended as a counterweight to any “diktat” of the West'],
    roles: [
      'SUBJECT Country Russia: their alliance',
      'SUBJECT Country Iran: their alliance',
      'OBJECT words: any “diktat” of the West',
      'TARGET Organization the West: the West',
    ],
    modality: 'INTENDED',
    speakers: [],
  },
  SANCTION: {
    id: 'statement-sanctions-on-russia-and-iran',
    evidence: ['Subject to heavy international sanctions which affect their economies'],
    roles: [
      'SUBJECT words: international',
      'OBJECT words: their economies',
      'TARGET Country Russia: Russia',
      'TARGET Country Iran: Iran',
    ],
    modality: null,
    speakers: [],
  },
  RAPPROCHEMENT: {
    id: 'statement-russia-iran-rapprochement',
    evidence: [
      'Russia and Iran have made an accelerated rapprochement in recent years, particularly since the assault on Ukraine',
    ],
    roles: [
      'SUBJECT Country Russia: Russia',
      'SUBJECT Country Iran: Iran',
      'TIME words: in recent years',
      'TIME Event the assault launched by the Kremlin: since the assault on Ukraine',
    ],
    modality: null,
    speakers: [],
  },
  FAILURE: {
    id: 'statement-russia-iran-common-failure',
    evidence: ['The two countries also suffered, in December, a common failure'],
    roles: [
      'SUBJECT Country Russia: The two countries',
      'SUBJECT Country Iran: The two countries',
      'OBJECT words: a common failure',
      'CAUSE Event the flight from Syria of Bashar al-Assad: with the flight from Syria of their ally Bashar al-Assad',
    ],
    modality: null,
    speakers: [],
  },
  LOSS: {
    id: 'statement-russia-iran-loss-of-influence',
    evidence: [
      'The two countries also suffered',
      'a loss of influence with the flight from Syria of their ally Bashar al-Assad',
    ],
    roles: [
      'SUBJECT Country Russia: The two countries',
      'SUBJECT Country Iran: The two countries',
      'OBJECT words: influence',
      'CAUSE Event the flight from Syria of Bashar al-Assad: with the flight from Syria of their ally Bashar al-Assad',
    ],
    modality: null,
    speakers: [],
  },
  ALLY_OF: {
    id: 'statement-bashar-al-assad-ally-of-russia-and-iran',
    evidence: ['their ally Bashar al-Assad'],
    roles: [
      'SUBJECT Person Bashar al-Assad: Bashar al-Assad',
      'OBJECT Country Russia: The two countries | their ally',
      'OBJECT Country Iran: The two countries | their ally',
    ],
    modality: null,
    speakers: [],
  },
  PRAISE: {
    id: 'statement-putin-praises-the-agreement',
    evidence: ['It is a text “with ambitious objectives”, praised Vladimir Putin'],
    roles: [
      'SUBJECT Person Vladimir Putin: Vladimir Putin',
      'OBJECT Agreement comprehensive strategic partnership agreement: It is a text',
    ],
    modality: null,
    speakers: ['Vladimir Putin'],
  },
  CLOSE_TIES: {
    id: 'statement-iran-russia-close-ties',
    evidence: ['They have forged close ties'],
    roles: [
      'SUBJECT Country Iran: Tehran and Moscow | They have forged',
      'SUBJECT Country Russia: Tehran and Moscow | They have forged',
    ],
    modality: null,
    speakers: [],
  },
  MUTUAL_SUPPORT: {
    id: 'statement-iran-russia-mutual-support',
    evidence: ['support each other on numerous international issues, from the Middle East to the conflict in Ukraine'],
    roles: [
      'SUBJECT Country Iran: Tehran and Moscow | They have forged',
      'SUBJECT Country Russia: Tehran and Moscow | They have forged',
      'TOPIC words: numerous international issues',
      'TOPIC Place the Middle East: the Middle East',
      'TOPIC Event the assault launched by the Kremlin: the conflict in Ukraine',
    ],
    modality: null,
    speakers: [],
  },
  DISCUSSION: {
    id: 'statement-question-of-gaza-raised',
    evidence: ['The question of Gaza raised'],
    roles: ['OBJECT Place Gaza: Gaza'],
    modality: null,
    speakers: [],
  },
  POLICY_TOWARDS: {
    id: 'statement-trump-maximum-pressure-policy-towards-iran',
    evidence: [
      'architect of a so-called “maximum pressure” policy towards Iran during his first term between 2017 and 2021',
    ],
    roles: [
      'SUBJECT Person Donald Trump: Donald Trump, architect',
      'OBJECT words: a so-called “maximum pressure” policy',
      'TARGET Country Iran: Iran',
      'TIME Event first term of Donald Trump: during his first term',
    ],
    modality: null,
    speakers: [],
  },
  PROMISE: {
    id: 'statement-trump-promise-to-end-the-conflict-in-ukraine',
    evidence: [
      'The American president-elect also promised to quickly end the conflict in Ukraine, without specifying how',
    ],
    roles: [
      'SUBJECT Person Donald Trump: The American president-elect',
      'OBJECT words: to quickly end the conflict in Ukraine',
      'TOPIC Event the assault launched by the Kremlin: the conflict in Ukraine',
    ],
    modality: 'PROMISED',
    speakers: [],
  },
  CALL_FOR: {
    id: 'statement-pezeshkian-calls-for-negotiations-and-peace',
    evidence: [
      'Massoud Pezeshkian called during his joint press conference with Vladimir Putin for “negotiations and peace” between Moscow and kyiv',
    ],
    roles: [
      'SUBJECT Person Massoud Pezeshkian: Massoud Pezeshkian',
      'OBJECT words: negotiations and peace',
      'OBJECT Country Russia: Moscow',
      'OBJECT Country Ukraine: kyiv',
      'TIME Event joint press conference: during his joint press conference with Vladimir Putin',
    ],
    modality: 'CALLED_FOR',
    speakers: ['Massoud Pezeshkian'],
  },
  HOPE_FOR: {
    id: 'statement-putin-hopes-for-long-term-stabilization',
    evidence: ['Vladimir Putin saying he hoped for “long-term stabilization”'],
    roles: [
      'SUBJECT Person Vladimir Putin: Vladimir Putin',
      'OBJECT words: long-term stabilization',
      'TOPIC Agreement truce agreement between Israel and Hamas: the truce agreement between Israel and Hamas',
    ],
    modality: 'HOPED',
    speakers: ['Vladimir Putin'],
  },
  PROJECT: {
    id: 'statement-iran-russia-building-a-new-order',
    evidence: ['Iran and Russia, aware of their historical responsibility, are building a new order'],
    roles: ['SUBJECT Country Iran: Iran', 'SUBJECT Country Russia: Russia', 'OBJECT words: a new order'],
    modality: null,
    speakers: ['Abbas Araghchi'],
  },
  REPLACEMENT: {
    id: 'statement-replacing-hegemony-with-cooperation',
    evidence: ['it was a question of replacing “hegemony”, implied by the West – with “cooperation”'],
    roles: ['SUBJECT words: cooperation', 'OBJECT words: hegemony', 'TARGET Organization the West: the West'],
    modality: 'REPORTED',
    speakers: ['Abbas Araghchi'],
  },
};

describe('the statements of the article', () => {
  it('hold one statement per predicate of the vocabulary, with its roles, each with its evidence', async () => {
    const { data, errors } = await api.run<{
      __type: { enumValues: { name: string }[] };
      statements: {
        nodes: {
          id: string;
          predicate: keyof typeof ONE_PER_PREDICATE;
          polarity: string;
          modality: string | null;
          evidence: { exact: string }[];
          roles: { role: string; value: Value | null; evidence: { exact: string }[] }[];
          attribution: { speakers: { actor: { name: string } }[] };
        }[];
      };
    }>(`{
      __type(name: "Predicate") { enumValues { name } }
      statements(first: 100) { nodes {
        id predicate polarity modality evidence { exact }
        roles { role ${VALUE} evidence { exact } }
        attribution { speakers { actor { name } } }
      } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.__type.enumValues.map((value) => value.name).sort()).toEqual(Object.keys(ONE_PER_PREDICATE).sort());
    const first = new Map<string, NonNullable<typeof data>['statements']['nodes'][number]>();
    for (const statement of data?.statements.nodes ?? []) {
      if (!first.has(statement.predicate)) first.set(statement.predicate, statement);
    }
    for (const [predicate, expected] of Object.entries(ONE_PER_PREDICATE)) {
      const statement = first.get(predicate);
      expect(statement?.id, predicate).toBe(globalId('Statement', expected.id));
      expect(
        {
          evidence: statement?.evidence.map((e) => e.exact),
          roles: statement?.roles.map(line),
          modality: statement?.modality,
          speakers: statement?.attribution.speakers.map((speaker) => speaker.actor.name),
        },
        predicate,
      ).toEqual({
        evidence: expected.evidence,
        roles: expected.roles,
        modality: expected.modality,
        speakers: expected.speakers,
      });
    }
  });

  it("hold Araghchi's words as a negated statement, attributed to him and tied to his quote", async () => {
    const { data } = await api.run<{
      statements: {
        nodes: {
          id: string;
          predicate: string;
          modality: string;
          evidence: { exact: string }[];
          means: { value: { name: string } }[];
          attribution: {
            voice: string;
            speakers: { actor: { name: string }; evidence: { exact: string }[] }[];
            quotes: { id: string; text: string; statements: { id: string }[] }[];
          };
        }[];
      };
    }>(`{ statements(polarity: NEGATED) { nodes {
      id predicate modality evidence { exact }
      means { value { ... on Agreement { name } } }
      attribution { voice speakers { actor { name } evidence { exact } } quotes { id text statements { id } } }
    } } }`);
    const id = globalId('Statement', 'statement-treaty-not-aimed-at-a-military-alliance');
    expect(data?.statements.nodes).toEqual([
      {
        id,
        predicate: 'ALLIANCE',
        modality: 'INTENDED',
        evidence: [{ exact: 'the treaty with Tehran was not aimed at “creating a military alliance”' }],
        means: [{ value: { name: 'comprehensive strategic partnership agreement' } }],
        attribution: {
          voice: 'SPEAKER',
          speakers: [{ actor: { name: 'Abbas Araghchi' }, evidence: [{ exact: 'Abbas Araghchi' }] }],
          quotes: [
            {
              id: globalId('Quote', 'quote-araghchi-military-alliance'),
              text: 'creating a military alliance',
              statements: [{ id }],
            },
          ],
        },
      },
    ]);
  });

  it("find an actor's statements as subject and as object, from the root and from the actor", async () => {
    const russia = globalId('Country', 'russia');
    const { data } = await api.run<
      Record<string, { nodes: { id: string }[] }> & { node: Record<string, { nodes: { id: string }[] }> }
    >(
      `query ($russia: ID!) {
        asSubject: statements(subject: $russia, predicate: ALLIANCE) { nodes { id } }
        asObject: statements(object: $russia) { nodes { id } }
        node(id: $russia) { ... on Country {
          asObject: statements(role: OBJECT) { nodes { id } }
          asTarget: statements(role: TARGET) { nodes { id } }
        } }
      }`,
      { russia },
    );
    const ids = (...local: string[]) => local.map((id) => ({ id: globalId('Statement', id) }));
    expect(data?.asSubject?.nodes).toEqual(
      ids(
        'statement-russia-iran-alliance',
        'statement-treaty-not-aimed-at-a-military-alliance',
        'statement-russia-north-korea-military-alliance',
      ),
    );
    const asObject = ids(
      'statement-bashar-al-assad-ally-of-russia-and-iran',
      'statement-pezeshkian-calls-for-negotiations-and-peace',
    );
    expect(data?.asObject?.nodes).toEqual(asObject);
    expect(data?.node.asObject?.nodes).toEqual(asObject);
    expect(data?.node.asTarget?.nodes).toEqual(ids('statement-sanctions-on-russia-and-iran'));
  });
});

describe('the events of the article and their links', () => {
  it('hold the reception at the Kremlin, and the discussion of the truce with what was discussed', async () => {
    const { data } = await api.run<{ nodes: unknown[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Event {
        kind name date { start precision phrase { exact } }
        place { location { ... on Place { name } } }
        participants { actor { name } evidence { exact } }
        about { subject { __typename ... on Agreement { name } } evidence { exact } }
      } } }`,
      {
        ids: [
          globalId('Event', 'putin-receives-pezeshkian-at-the-kremlin'),
          globalId('Event', 'putin-pezeshkian-discussion-of-the-truce'),
        ],
      },
    );
    expect(data?.nodes).toEqual([
      {
        kind: 'VISIT',
        name: 'Vladimir Putin received his Iranian counterpart at the Kremlin',
        date: { start: '2025-01-17', precision: 'DAY', phrase: { exact: 'this Friday, January 17' } },
        place: { location: { name: 'the Kremlin' } },
        participants: [
          { actor: { name: 'Vladimir Putin' }, evidence: [{ exact: 'Vladimir Putin' }] },
          { actor: { name: 'Massoud Pezeshkian' }, evidence: [{ exact: 'his Iranian counterpart' }] },
        ],
        about: [],
      },
      {
        kind: 'DISCUSSION',
        name: 'the two leaders discussed the truce agreement between Israel and Hamas',
        date: { start: '2025-01-17', precision: 'DAY', phrase: { exact: 'on Friday morning' } },
        place: null,
        participants: [
          { actor: { name: 'Vladimir Putin' }, evidence: [{ exact: 'The two leaders said' }] },
          { actor: { name: 'Massoud Pezeshkian' }, evidence: [{ exact: 'The two leaders said' }] },
        ],
        about: [
          {
            subject: { __typename: 'Agreement', name: 'truce agreement between Israel and Hamas' },
            evidence: [{ exact: 'the truce agreement between Israel and Hamas' }],
          },
        ],
      },
    ]);
  });

  it('place the October meeting within the BRICS summit, and the summit holds it', async () => {
    const { data } = await api.run<{ node: unknown }>(
      `query ($id: ID!) { node(id: $id) { ... on Event {
        name partOf { event { name parts { name } } evidence { exact } }
      } } }`,
      { id: globalId('Event', 'last-pezeshkian-putin-meeting') },
    );
    expect(data?.node).toEqual({
      name: 'the last meeting between Pezeshkian and Putin',
      partOf: {
        event: {
          name: 'the BRICS summit in Russia',
          parts: [{ name: 'the last meeting between Pezeshkian and Putin' }],
        },
        evidence: [{ exact: 'during the BRICS summit in Russia' }],
      },
    });
  });

  it('find the events about an agreement', async () => {
    const { data } = await api.run<{ events: { nodes: { name: string }[] } }>(
      'query ($about: ID!) { events(about: $about) { nodes { name } } }',
      { about: globalId('Agreement', 'israel-hamas-truce-agreement') },
    );
    expect(data?.events.nodes).toEqual([
      { name: 'the two leaders discussed the truce agreement between Israel and Hamas' },
    ]);
  });
});

describe('titles and names of the article', () => {
  it('link titles that relate to another record to it: "their ally", "his Iranian counterpart", the architect of a policy', async () => {
    const { data } = await api.run<{ nodes: { name: string; titles: { nodes: unknown[] } }[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { name titles { nodes {
        title relatedTo { subject { __typename ... on Entity { name } ... on Event { name } ... on Statement { predicate } } evidence { exact } }
      } } } } }`,
      {
        ids: ['bashar-al-assad', 'massoud-pezeshkian', 'donald-trump'].map((id) => globalId('Person', id)),
      },
    );
    expect(data?.nodes).toEqual([
      {
        name: 'Bashar al-Assad',
        titles: {
          nodes: [
            {
              title: 'their ally',
              relatedTo: [
                { subject: { __typename: 'Country', name: 'Russia' }, evidence: [{ exact: 'The two countries' }] },
                { subject: { __typename: 'Country', name: 'Iran' }, evidence: [{ exact: 'The two countries' }] },
              ],
            },
          ],
        },
      },
      {
        name: 'Massoud Pezeshkian',
        titles: {
          nodes: [
            {
              title: 'Iranian counterpart',
              relatedTo: [
                { subject: { __typename: 'Person', name: 'Vladimir Putin' }, evidence: [{ exact: 'Vladimir Putin' }] },
                { subject: { __typename: 'Country', name: 'Iran' }, evidence: [{ exact: 'Iranian' }] },
              ],
            },
          ],
        },
      },
      {
        name: 'Donald Trump',
        titles: {
          nodes: [
            {
              title: 'American president-elect',
              relatedTo: [
                { subject: { __typename: 'Country', name: 'United States' }, evidence: [{ exact: 'American' }] },
              ],
            },
            {
              title: 'architect of a so-called “maximum pressure” policy towards Iran',
              relatedTo: [
                { subject: { __typename: 'Country', name: 'Iran' }, evidence: [{ exact: 'Iran' }] },
                {
                  subject: { __typename: 'Statement', predicate: 'POLICY_TOWARDS' },
                  evidence: [{ exact: 'a so-called “maximum pressure” policy towards Iran' }],
                },
                {
                  subject: { __typename: 'Event', name: 'first term of Donald Trump' },
                  evidence: [{ exact: 'during his first term' }],
                },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('name every agreement in the article\'s words: the second is "a text of the same name"', async () => {
    const { data } = await api.run<{ agreements: { nodes: unknown[] } }>(
      '{ agreements { nodes { name nameIsLabel nameEvidence { exact sentence { text } } } } }',
    );
    expect(data?.agreements.nodes).toEqual([
      {
        name: 'comprehensive strategic partnership agreement',
        nameIsLabel: false,
        nameEvidence: {
          exact: 'comprehensive strategic partnership agreement',
          sentence: {
            text: 'On Friday, Vladimir Putin and Massoud Pezeshkian signed a “comprehensive strategic partnership agreement”, a pact covering multiple areas.',
          },
        },
      },
      {
        name: 'text of the same name',
        nameIsLabel: false,
        nameEvidence: {
          exact: 'text of the same name',
          sentence: { text: 'Moscow concluded a text of the same name with North Korea last year.' },
        },
      },
      {
        name: 'truce agreement between Israel and Hamas',
        nameIsLabel: false,
        nameEvidence: {
          exact: 'truce agreement between Israel and Hamas',
          sentence: {
            text: 'The two leaders said they discussed the truce agreement between Israel and Hamas, with Vladimir Putin saying he hoped for “long-term stabilization”.',
          },
        },
      },
    ]);
  });
});
