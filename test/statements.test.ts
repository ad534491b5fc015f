/**
 * Statements and the claim queries, through the server, whatever the corpus holds: every filter
 * answers exactly the records whose roles the server itself serves, from the root and from the
 * entity, and links resolve in one batch per level.
 */
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { client, fixtureCorpus, withCost } from './helpers.ts';

const api = client(fixtureCorpus(), withCost(10_000_000));

interface Served {
  id: string;
  predicate: string;
  roles: { role: string; value: { id?: string } | null }[];
  attribution: {
    voice: string;
    speakers: { actor: { id: string } }[];
    quotes: { id: string; speaker: { id: string } }[];
  };
}

type StatementsPage = { statements: { nodes: Served[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

/** Every statement as the server serves it, with the ids of its role values. */
async function allStatements(): Promise<Served[]> {
  const served: Served[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: ExecutionResult<StatementsPage> = await api.run<StatementsPage>(
      `query ($after: String) {
        statements(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            id predicate
            roles { role value { ... on Node { id } } }
            attribution { voice speakers { actor { id } } quotes { id speaker { id } } }
          }
        }
      }`,
      { after },
    );
    expect(errors).toBeUndefined();
    served.push(...(data?.statements.nodes ?? []));
    if (!data?.statements.pageInfo.hasNextPage) return served;
    after = data.statements.pageInfo.endCursor;
  }
}

const idsOf = (list: readonly { id: string }[]) => list.map((item) => item.id);

async function statementIds(args: string): Promise<string[]> {
  const { data, errors } = await api.run<{ statements: { nodes: { id: string }[] } }>(
    `{ statements(first: 100, ${args}) { nodes { id } } }`,
  );
  expect(errors).toBeUndefined();
  return idsOf(data?.statements.nodes ?? []);
}

describe('statements', () => {
  it('filter by predicate: exactly the statements of that predicate, in order', async () => {
    const all = await allStatements();
    expect(all.length).toBeGreaterThan(0);
    for (const predicate of new Set(all.map((s) => s.predicate))) {
      expect(await statementIds(`predicate: ${predicate}`)).toEqual(
        idsOf(all.filter((s) => s.predicate === predicate)),
      );
    }
  });

  it("filter by a record as subject, as object and in any role, from the root and from the record's side", async () => {
    const all = await allStatements();
    const named = new Set(all.flatMap((s) => s.roles.flatMap((role) => (role.value?.id ? [role.value.id] : []))));
    expect(named.size).toBeGreaterThan(0);
    const having = (id: string, role?: string) =>
      idsOf(all.filter((s) => s.roles.some((r) => r.value?.id === id && (role === undefined || r.role === role))));
    for (const id of named) {
      expect(await statementIds(`subject: "${id}"`)).toEqual(having(id, 'SUBJECT'));
      expect(await statementIds(`object: "${id}"`)).toEqual(having(id, 'OBJECT'));
      expect(await statementIds(`involving: "${id}"`)).toEqual(having(id));
      const { data } = await api.run<{
        node: { statements: { nodes: { id: string }[] }; asSubject: { nodes: { id: string }[] } } | null;
      }>(
        `query ($id: ID!) { node(id: $id) { ... on Entity {
          statements(first: 100) { nodes { id } }
          asSubject: statements(first: 100, role: SUBJECT) { nodes { id } }
        } } }`,
        { id },
      );
      if (data?.node?.statements) {
        expect(idsOf(data.node.statements.nodes)).toEqual(having(id));
        expect(idsOf(data.node.asSubject.nodes)).toEqual(having(id, 'SUBJECT'));
      }
    }
  });

  it("filter by speaker, and cite only the speakers' own quotes, each linked back to the statement", async () => {
    const all = await allStatements();
    for (const statement of all) {
      const speakers = statement.attribution.speakers.map((speaker) => speaker.actor.id);
      expect(statement.attribution.voice).toBe(speakers.length > 0 ? 'SPEAKER' : 'ARTICLE');
      for (const quote of statement.attribution.quotes) expect(speakers).toContain(quote.speaker.id);
    }
    for (const speaker of new Set(all.flatMap((s) => s.attribution.speakers.map((x) => x.actor.id)))) {
      expect(await statementIds(`speaker: "${speaker}"`)).toEqual(
        idsOf(all.filter((s) => s.attribution.speakers.some((x) => x.actor.id === speaker))),
      );
    }
    const quotes = [...new Set(all.flatMap((s) => s.attribution.quotes.map((quote) => quote.id)))];
    const { data } = await api.run<{ nodes: { id: string; statements: { id: string }[] }[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Quote { statements { id } } } }',
      { ids: quotes },
    );
    for (const quote of data?.nodes ?? []) {
      expect(idsOf(quote.statements)).toEqual(
        idsOf(all.filter((s) => s.attribution.quotes.some((cited) => cited.id === quote.id))),
      );
    }
  });

  it('load the records of every role of every statement in one batch', async () => {
    const { errors } = await api.run(
      '{ statements(first: 100) { nodes { roles { value { __typename } } attribution { quotes { text } } } } }',
    );
    expect(errors).toBeUndefined();
    const stats = api.contexts.at(-1)?.loaders.stats;
    expect(stats?.node?.batches).toBe(1);
  });
});

describe('claims', () => {
  it('filter by kind: one kind of claim, as its own root field lists it', async () => {
    const { data, errors } = await api.run<Record<string, { nodes: { id: string }[] }>>(`{
      statement: claims(first: 100, kind: STATEMENT) { nodes { id } }
      statements(first: 100) { nodes { id } }
      quote: claims(first: 100, kind: QUOTE) { nodes { id } }
      quotes(first: 100) { nodes { id } }
      event: claims(first: 100, kind: EVENT) { nodes { id } }
      events(first: 100) { nodes { id } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.statement?.nodes).toEqual(data?.statements?.nodes);
    expect(data?.quote?.nodes).toEqual(data?.quotes?.nodes);
    expect(data?.event?.nodes).toEqual(data?.events?.nodes);
  });

  it('filter by predicate: statements only', async () => {
    const [first] = await allStatements();
    if (!first) throw new Error('no statement served');
    const { data } = await api.run<{ claims: { nodes: { __typename: string; id: string }[] } }>(
      `{ claims(first: 100, predicate: ${first.predicate}) { nodes { __typename id } } }`,
    );
    expect(data?.claims.nodes.every((claim) => claim.__typename === 'Statement')).toBe(true);
    expect(idsOf(data?.claims.nodes ?? [])).toEqual(await statementIds(`predicate: ${first.predicate}`));
  });

  it("filter by an actor in any role: its quotes, accusations, events and statements, whatever the role's name", async () => {
    const { data: people } = await api.run<{ people: { nodes: { id: string }[] } }>(
      '{ people(first: 100) { nodes { id } } }',
    );
    for (const { id } of people?.people.nodes ?? []) {
      const { data } = await api.run<{
        claims: { nodes: { id: string }[] };
        node: Record<string, { nodes: { id: string }[] }>;
      }>(
        `query ($id: ID!) {
          claims(first: 100, involving: $id) { nodes { id } }
          node(id: $id) { ... on Actor {
            quotes(first: 100) { nodes { id } }
            events(first: 100) { nodes { id } }
            accusationsMade(first: 100) { nodes { id } }
            agreementsSigned(first: 100) { nodes { id } }
            statements(first: 100) { nodes { id } }
          } }
        }`,
        { id },
      );
      const involving = new Set(idsOf(data?.claims.nodes ?? []));
      for (const [field, list] of Object.entries(data?.node ?? {})) {
        for (const claim of list.nodes) expect(involving.has(claim.id), `${id} ${field} ${claim.id}`).toBe(true);
      }
    }
  });
});
