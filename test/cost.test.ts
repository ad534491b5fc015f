/**
 * The cost model (src/cost.ts) and its limit (src/plugins/limits.ts): what each kind of field
 * costs; the default limit admits every operation the repository shows and every chain of four
 * levels at default page sizes, and refuses three nested connections of 100; a refusal names the
 * most costly path and a `first:` that fits; every answer reports its cost, cached or not; the
 * list argument of `nodes(ids:)` costs its length and is capped. None of it depends on the
 * article's content: ids and names are fetched from the server first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isAbstractType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { costOf, LIST_SIZE, MAX_NODE_IDS } from '../src/cost.ts';
import { DEFAULT_PAGE_SIZE } from '../src/pagination.ts';
import { schema } from '../src/schema/index.ts';
import { createClaimgraphYoga } from '../src/yoga.ts';
import { docs, examples, root } from './docs.ts';
import { articleCorpus, countingExecutions, globalId, searchFor } from './helpers.ts';
import { configFrom, serve } from './http.ts';

const LIMIT = loadConfig({}).limits.cost;
const cost = (query: string, variables?: Record<string, unknown>) =>
  costOf({ schema, document: parse(query), variableValues: variables })?.requested;

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  extensions?: { cost?: { requested: number; limit: number } };
}

function yogaWith(env: Record<string, string> = {}) {
  const { corpus, plugin, executions } = countingExecutions(articleCorpus());
  const yoga = createClaimgraphYoga({
    corpus,
    search: searchFor(articleCorpus()),
    config: configFrom(env),
    plugins: [plugin],
  });
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Answer };
  };
  return Object.assign(run, { executions });
}

/** Every operation the repository shows, where it shows it, and whether it is shown refused. */
function shownOperations() {
  const shown = examples.map(({ block, answer }) => ({
    where: `${block.doc}:${block.start}`,
    query: block.body,
    variables: undefined as Record<string, unknown> | undefined,
    refused: answer?.includes('"QUERY_TOO_COSTLY"') ?? false,
  }));
  for (const dir of ['examples/operations', 'bench/operations', 'bench/scale']) {
    const files = readdirSync(join(root, dir)).filter((file) => file.endsWith('.graphql'));
    const variables = files.length && (JSON.parse(readVariables(dir)) as Record<string, Record<string, unknown>>);
    for (const file of files.sort()) {
      shown.push({
        where: `${dir}/${file}`,
        query: readFileSync(join(root, dir, file), 'utf8'),
        variables: variables ? variables[file.replace(/\.graphql$/, '')] : undefined,
        refused: false,
      });
    }
  }
  return shown;
}

function readVariables(dir: string): string {
  try {
    return readFileSync(join(root, dir, 'variables.json'), 'utf8');
  } catch {
    return '{}';
  }
}

describe('what a field costs', () => {
  it('a scalar 0, an object 1, a connection 1 + 1 per item (the default page size, or first/last)', () => {
    expect(cost('{ people { totalCount } }')).toBe(1);
    expect(cost('{ people { nodes { id name } } }')).toBe(1 + DEFAULT_PAGE_SIZE);
    expect(cost('{ people(first: 5) { nodes { id } } }')).toBe(1 + 5);
    expect(cost('{ people(last: 3) { nodes { id } } }')).toBe(1 + 3);
    // Each item's own objects count once per item: 1 + 5 × (1 + 1)
    expect(cost('{ accusations(first: 5) { nodes { article { id } } } }')).toBe(1 + 5 * 2);
  });

  it('edges { node } costs what nodes costs; pageInfo, cursors and __typename cost nothing', () => {
    const nodes = cost('{ people(first: 7) { nodes { id } } }');
    expect(cost('{ people(first: 7) { edges { node { id } } } }')).toBe(nodes);
    expect(cost('{ people(first: 7) { __typename edges { cursor node { id } } pageInfo { hasNextPage } } }')).toBe(
      nodes,
    );
  });

  it(`a list that is not a connection counts ${LIST_SIZE} objects; a list argument its length`, () => {
    // 1 + 1 × (LIST_SIZE evidence, each with its sentence: LIST_SIZE × (1 + 1))
    expect(cost('{ accusations(first: 1) { nodes { evidence { sentence { text } } } } }')).toBe(1 + 1 + LIST_SIZE * 2);
    const ids = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => `id-${i}`));
    expect(cost(`{ nodes(ids: ${ids(3)}) { id } }`)).toBe(3);
    expect(cost(`{ nodes(ids: ${ids(3)}) { ... on Person { quotes(first: 2) { nodes { id } } } } }`)).toBe(3 * (1 + 3));
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: JSON.parse(ids(42)) })).toBe(42);
    // Past the cap, the list is refused when it resolves (below); its cost stops at the cap.
    expect(cost(`{ nodes(ids: ${ids(5000)}) { id } }`)).toBe(MAX_NODE_IDS);
  });
});

/** The arguments a field cannot go without, each given a value of its type: `(slug: "a")`. */
function requiredArguments(field: GraphQLField<unknown, unknown>): string {
  const values = field.args
    .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
    .map((arg) => {
      const type = getNamedType(arg.type);
      const value = isEnumType(type) ? (type.getValues()[0]?.name ?? '') : type.name === 'Int' ? '1' : '"a"';
      return `${arg.name}: ${value}`;
    });
  return values.length > 0 ? `(${values.join(', ')})` : '';
}

describe('the default limit', () => {
  const operations = shownOperations();

  it('finds the operations of README.md, docs/, examples/ and bench/', () => {
    expect(operations.filter((operation) => operation.where.startsWith('README.md')).length).toBeGreaterThan(0);
    expect(operations.filter((operation) => operation.where.startsWith('docs/')).length).toBeGreaterThan(5);
    expect(operations.filter((operation) => operation.where.startsWith('bench/operations')).length).toBe(5);
    expect(docs.length).toBeGreaterThan(5);
  });

  it.each(operations.map((operation) => [operation.where, operation] as const))(
    'admits %s (unless it is shown refused)',
    (_where, { query, variables, refused }) => {
      const requested = cost(query, variables);
      expect(requested).toEqual(expect.any(Number));
      if (refused) expect(requested).toBeGreaterThan(LIMIT);
      else expect(requested).toBeLessThanOrEqual(LIMIT);
    },
  );

  it('admits every chain of up to four levels of objects at default page sizes', () => {
    // Each chain: a field returning objects at each level (a connection through `nodes`), every
    // member of an interface or union in turn, `__typename` at the end.
    const isConnection = (type: GraphQLNamedType) => isObjectType(type) && 'pageInfo' in type.getFields();
    let chains = 0;
    let costliest = { cost: 0, chain: '' };
    const walk = (type: GraphQLNamedType, level: number, wrap: (inner: string) => string, chain: string) => {
      const members: readonly GraphQLObjectType[] = isAbstractType(type)
        ? schema.getPossibleTypes(type)
        : isObjectType(type)
          ? [type]
          : [];
      for (const member of members) {
        for (const field of Object.values(member.getFields())) {
          const fieldType = getNamedType(field.type);
          if (field.name.startsWith('_') || isLeafType(fieldType) || ['node', 'nodes'].includes(field.name)) continue;
          const args = requiredArguments(field);
          const items = isConnection(fieldType)
            ? getNamedType((fieldType as GraphQLObjectType).getFields().nodes?.type ?? fieldType)
            : fieldType;
          const [open, close] = isConnection(fieldType) ? [' { nodes {', '} }'] : [' {', '}'];
          const spread = isAbstractType(type) ? [`... on ${member.name} { `, ' }'] : ['', ''];
          const inner = (selection: string) =>
            wrap(`${spread[0]}${field.name}${args}${open} ${selection} ${close}${spread[1]}`);
          const requested = cost(`{ ${inner('__typename')} }`) ?? Number.POSITIVE_INFINITY;
          chains++;
          if (requested > costliest.cost) costliest = { cost: requested, chain: `${chain}${field.name}` };
          if (level < 4) walk(items, level + 1, inner, `${chain}${field.name} → `);
        }
      }
    };
    walk(schema.getQueryType() as GraphQLObjectType, 1, (inner) => inner, '');
    expect(chains).toBeGreaterThan(1000);
    // Four nested connections: 1 + 20 × (1 + 1 + 20 × (1 + 1 + 20 × (1 + 1 + 20 × 1))) = 176,841
    expect(costliest.cost).toBe(176_841);
    expect(costliest.cost * 2).toBeLessThanOrEqual(LIMIT); // two such branches fit too
  });

  it('admits the natural questions the old limit refused, and refuses three nested connections of 100', () => {
    const answered = `{ people { nodes { accusationsAnswered { nodes { evidence { article { title } } } } } } }`;
    expect(cost(answered)).toBe(8441); // was 50,521, over the old limit of 20,000
    const countries = `{ countries(first: 10) { nodes {
      accusationsFaced(first: 5) { nodes { act } } agreements(first: 5) { nodes { provisions { summary } } } } } }`;
    expect(cost(countries)).toBe(631); // was 26,001
    const nested = `{ people(first: 100) { nodes { accusationsMade(first: 100) { nodes {
      article { entities(first: 100) { nodes { id } } } } } } } }`;
    expect(cost(nested)).toBeGreaterThan(LIMIT);
  });
});

describe('the worked example of docs/production.md', () => {
  const text = docs.find((doc) => doc.path === 'docs/production.md')?.text ?? '';
  const section = text.slice(text.indexOf('### A worked example'));
  const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const [, formula = '', total = ''] = /In all: `([^`=]+)= (\d+)`/.exec(section) ?? [];

  it('costs what its formula says, and the formula adds up', () => {
    expect(query).toMatch(/^query WorkedExample/);
    const sum = (expression: string): number => {
      // Only digits, spaces, +, × and parentheses: evaluated innermost parentheses first.
      expect(expression).toMatch(/^[\d\s+×()]+$/);
      let rest = expression;
      for (let inner = /\(([^()]*)\)/.exec(rest); inner; inner = /\(([^()]*)\)/.exec(rest)) {
        rest = rest.replace(inner[0], String(sum(inner[1] ?? '')));
      }
      return rest
        .split('+')
        .map((term) => term.split('×').reduce((product, factor) => product * Number(factor.trim()), 1))
        .reduce((a, b) => a + b, 0);
    };
    expect(sum(formula)).toBe(Number(total));
    expect(cost(query)).toBe(Number(total));
  });
});

describe('a refusal', () => {
  const nested = `{ people(first: 100) { nodes { id accusationsMade(first: 100) { nodes {
    article { entities(first: 100) { nodes { id } } } } } } } }`;

  it('names the most costly path and a first: that fits, which does fit', async () => {
    const run = yogaWith();
    const { status, body } = await run(nested);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    const [error] = body.errors ?? [];
    expect(error?.extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      cost: { requested: 1_030_201, limit: LIMIT },
      costliestPath: ['people', 'nodes', 'accusationsMade', 'nodes', 'article', 'entities', 'nodes'],
      fits: { path: ['people', 'nodes', 'accusationsMade'], argument: 'first', value: 48 },
    });
    expect(error?.message).toBe(
      `Query cost 1030201 exceeds the limit of ${LIMIT}. The most costly path, people(first: 100) → nodes → ` +
        'accusationsMade(first: 100) → nodes → article → entities(first: 100) → nodes, costs 1030201. ' +
        'With first: 48 at people(first: 100) → nodes → accusationsMade(first: 100) it would fit.',
    );
    expect(body.extensions).toEqual({ cost: { requested: 1_030_201, limit: LIMIT } });
    const again = await run(nested); // the verdict is kept: the same refusal, the same status
    expect([again.status, again.body]).toEqual([400, body]);
    const fitted = await run(nested.replace('accusationsMade(first: 100)', 'accusationsMade(first: 48)'));
    expect(fitted.body.errors).toBeUndefined();
    expect(fitted.body.extensions?.cost?.requested).toBeLessThanOrEqual(LIMIT);
    const over = await run(nested.replace('accusationsMade(first: 100)', 'accusationsMade(first: 49)'));
    expect(over.body.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('says so when no single first: on the path is enough', async () => {
    const run = yogaWith({ CLAIMGRAPH_MAX_COST: '10' });
    const { body } = await run('{ a: people(first: 20) { nodes { id } } b: people(first: 20) { nodes { id } } }');
    const [error] = body.errors ?? [];
    expect(error?.message).toBe(
      'Query cost 42 exceeds the limit of 10. The most costly path, a: people(first: 20) → nodes, costs 21. ' +
        'No single first: or last: on that path brings it under the limit: select less, or split the operation.',
    );
    expect(error?.extensions).toMatchObject({ costliestPath: ['a', 'nodes'] });
    expect(error?.extensions).not.toHaveProperty('fits');
  });

  it('follows the variables: first: $n costs what $n says, for each request', async () => {
    const run = yogaWith({ CLAIMGRAPH_MAX_COST: '100' });
    const query = 'query Page($n: Int) { people(first: $n) { nodes { quotes { nodes { text } } } } }';
    expect((await run(query, { n: 4 })).body.extensions?.cost?.requested).toBe(1 + 4 * (1 + 1 + 20));
    expect((await run(query, { n: 5 })).body.errors?.[0]?.extensions.fits).toEqual({
      path: ['people', 'nodes', 'quotes'],
      argument: 'first',
      value: 17, // 1 + 5 × (1 + 1 + 17) = 96; people(first: 4) would fit too, but drops more
    });
    expect((await run(query, { n: 4 })).body.errors).toBeUndefined();
  });
});

describe('every answer reports its cost in extensions.cost', () => {
  it('an answer executed, and the same answer from the response cache', async () => {
    const run = yogaWith();
    const query = '{ people(first: 3) { nodes { id } } }';
    const first = await run(query);
    const second = await run(query);
    expect(run.executions()).toBe(1); // the second came from the response cache
    expect(first.body.extensions).toEqual({ cost: { requested: 4, limit: LIMIT } });
    expect(second.body).toEqual(first.body);
  });

  it('with the response cache off, and with the JIT off', async () => {
    const settings: Record<string, string>[] = [
      { CLAIMGRAPH_RESPONSE_CACHE: '0' },
      { CLAIMGRAPH_RESPONSE_CACHE: '0', CLAIMGRAPH_JIT: '0' },
    ];
    for (const env of settings) {
      const { body } = await yogaWith(env)('{ people(first: 3) { nodes { id } } }');
      expect(body.extensions).toEqual({ cost: { requested: 4, limit: LIMIT } });
    }
  });

  it('over HTTP, from Yoga and from the fast lane, with and without the response cache', async () => {
    const settings: Record<string, string>[] = [{}, { CLAIMGRAPH_RESPONSE_CACHE: '0' }];
    for (const env of settings) {
      const server = await serve({ config: configFrom(env) });
      try {
        const answers = [];
        for (let i = 0; i < 3; i++)
          answers.push(await (await server.post({ query: '{ people(first: 2) { nodes { id } } }' })).json());
        for (const answer of answers) expect(answer.extensions).toEqual({ cost: { requested: 3, limit: LIMIT } });
      } finally {
        await server.close();
      }
    }
  });

  it('an incremental answer (@defer): its first part', async () => {
    const yoga = createClaimgraphYoga({
      corpus: articleCorpus(),
      search: searchFor(articleCorpus()),
      config: configFrom(),
    });
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: '{ people(first: 2) { nodes { id ... @defer { name } } } }' }),
    });
    const parts = (await response.text())
      .split('\r\n---')
      .map((part) => part.slice(part.indexOf('\r\n\r\n') + 4).trim())
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0].extensions).toEqual({ cost: { requested: 3, limit: LIMIT } });
    for (const part of parts.slice(1)) expect(part.extensions).toBeUndefined();
  });
});

describe('nodes(ids:)', () => {
  const ids = async (run: ReturnType<typeof yogaWith>, n: number) => {
    const { body } = await run('{ people(first: 1) { nodes { id } } }');
    const people = body.data?.people as { nodes: { id: string }[] };
    const id = people.nodes[0]?.id as string;
    return Array.from({ length: n }, () => id);
  };

  it(`takes ${MAX_NODE_IDS} IDs, and refuses ${MAX_NODE_IDS + 1} with BAD_USER_INPUT naming the argument`, async () => {
    const run = yogaWith();
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const most = await run(query, { ids: await ids(run, MAX_NODE_IDS) });
    expect(most.body.errors).toBeUndefined();
    expect(most.body.data?.nodes).toHaveLength(MAX_NODE_IDS);
    expect(most.body.extensions?.cost?.requested).toBe(MAX_NODE_IDS);
    // Refused before execution by the argument's declared cap (src/argument-limits.ts).
    const more = await run(query, { ids: await ids(run, MAX_NODE_IDS + 1) });
    expect(more.body.data).toBeUndefined();
    expect(more.body.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
      {
        message: `Argument "ids" of Query.nodes has ${MAX_NODE_IDS + 1} items; the limit is ${MAX_NODE_IDS}.`,
        extensions: {
          code: 'BAD_USER_INPUT',
          argumentName: 'ids',
          field: 'Query.nodes',
          maxItems: MAX_NODE_IDS,
          maxLength: 256,
        },
      },
    ]);
  });

  it('refuses the amplification of issue 12: 4,321 IDs in a body just under 100 KB (was a 4.77 MB answer)', async () => {
    const server = await serve();
    try {
      // Well-formed global IDs (whether they name an object does not matter: the list is refused first).
      const ids = Array.from({ length: 4321 }, (_, i) => globalId('Person', `p${String(i).padStart(7, '0')}`));
      const query = 'query Amplify($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { name } } }';
      const body = JSON.stringify({ query, variables: { ids } });
      expect(body.length).toBeGreaterThan(99_000);
      expect(body.length).toBeLessThan(100_000);
      const refused = await server.post(body);
      const text = await refused.text();
      expect(text.length).toBeLessThan(1_000);
      expect(JSON.parse(text).errors).toMatchObject([
        {
          message: `Argument "ids" of Query.nodes has 4321 items; the limit is ${MAX_NODE_IDS}.`,
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' },
        },
      ]);
    } finally {
      await server.close();
    }
  });
});
