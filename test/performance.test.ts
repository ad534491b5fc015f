import { describe, expect, it } from 'vitest';
import { readOperations } from '../scripts/operations.ts';
import { loadConfig, type PerformanceOptions } from '../src/config.ts';
import type { Corpus } from '../src/data/corpus.ts';
import { createClaimgraphYoga } from '../src/yoga.ts';
import { FIXTURE_OPERATIONS_DIR, fixtureCorpus, globalId, searchFor } from './helpers.ts';

const JIT: PerformanceOptions = { jit: true, responseCache: false, fastLane: false };
const CACHE: PerformanceOptions = { jit: true, responseCache: true, fastLane: false };

interface Answer {
  data?: { node?: { name: string } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A server with the given speed-ups, counting the operations it actually executes. */
function server(performance: PerformanceOptions, data: Corpus = fixtureCorpus()) {
  let executions = 0;
  const yoga = createClaimgraphYoga({
    corpus: data,
    search: searchFor(data),
    config: { ...loadConfig({}), performance },
    plugins: [{ onExecute: () => void executions++ }],
  });
  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    post,
    executions: () => executions,
    /** The answer, less its `extensions.cost` (test/cost.test.ts checks that, cached or not). */
    async run(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Answer> {
      const { extensions: _cost, ...answer } = (await (
        await post({ query, variables, operationName })
      ).json()) as Answer & {
        extensions?: unknown;
      };
      return answer;
    },
  };
}

interface Example {
  file: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  succeeds?: boolean;
}

function examples(): Example[] {
  // The operations written for the fixture must succeed (test/article/operations.test.ts runs
  // examples/ on the article); the four at the end must fail.
  const read = (dir: string, folder: string) =>
    readOperations(dir).map(({ name, query, variables }) => ({
      file: `${folder}/${name}.graphql`,
      query,
      variables,
      succeeds: true,
    }));
  return [
    ...read(FIXTURE_OPERATIONS_DIR, 'test/fixtures/operations'),
    // Failures must fail alike: a malformed global ID, a page too large, an unknown field.
    { file: 'bad global ID', query: 'query Q($id: ID!) { node(id: $id) { id } }', variables: { id: 'nope' } },
    { file: 'page too large', query: '{ quotes(first: 1000) { totalCount } }' },
    { file: 'unknown field', query: '{ quotes { nope } }' },
    { file: 'null variable', query: 'query Q($q: String!) { search(query: $q) { totalCount } }', variables: {} },
  ];
}

describe('graphql-jit', () => {
  const plain = server({ jit: false, responseCache: false, fastLane: false });
  const jit = server(JIT);

  it.each(examples().map((example) => [example.file, example] as const))(
    'answers %s exactly as graphql-js does',
    async (_file, example) => {
      const expected = await plain.run(example.query, example.variables);
      if (example.succeeds) expect(expected.errors).toBeUndefined();
      else expect(expected.errors).toBeDefined();
      expect(await jit.run(example.query, example.variables)).toEqual(expected);
    },
  );
});

describe('response cache', () => {
  const person = (id: string) => globalId('Person', id);
  const lookup = 'query Lookup($id: ID!) { node(id: $id) { id ... on Person { name } } }';

  it('keys answers by variables: each id gets its own person, hit or miss', async () => {
    const cached = server(CACHE);
    const ids = ['anna-varga', 'tomas-brenner', 'anna-varga', 'tomas-brenner'];
    const names = [];
    for (const id of ids) names.push((await cached.run(lookup, { id: person(id) })).data?.node?.name);
    expect(names).toEqual(['Anna Varga', 'Tomas Brenner', 'Anna Varga', 'Tomas Brenner']);
    expect(cached.executions()).toBe(2);
  });

  it('keys answers by operation name within one document', async () => {
    const cached = server(CACHE);
    const document = 'query People { people { totalCount } } query Countries { countries { totalCount } }';
    const answers = [];
    for (const name of ['People', 'Countries', 'People', 'Countries']) {
      answers.push(await cached.run(document, undefined, name));
    }
    expect(answers).toEqual([
      { data: { people: { totalCount: 7 } } },
      { data: { countries: { totalCount: 5 } } },
      { data: { people: { totalCount: 7 } } },
      { data: { countries: { totalCount: 5 } } },
    ]);
  });

  it('keys answers by the text of the operation', async () => {
    const cached = server(CACHE);
    expect(await cached.run('{ people { totalCount } }')).toEqual({ data: { people: { totalCount: 7 } } });
    expect(await cached.run('{ people(first: 1) { nodes { name } } }')).toEqual({
      data: { people: { nodes: [{ name: 'Anna Varga' }] } },
    });
  });

  it('belongs to one server: another server over another corpus does not see its answers', async () => {
    const first = server(CACHE);
    const other = server(CACHE, withoutPeople(fixtureCorpus()));
    expect(await first.run('{ people { totalCount } }')).toEqual({ data: { people: { totalCount: 7 } } });
    expect(await other.run('{ people { totalCount } }')).toEqual({ data: { people: { totalCount: 0 } } });
  });

  it('never caches an answer with errors', async () => {
    const cached = server(CACHE);
    const bad = { query: lookup, variables: { id: 'not-a-global-id' } };
    for (let i = 0; i < 2; i++) {
      const response = await cached.post(bad);
      expect(response.headers.get('etag')).toBeNull();
      expect(((await response.json()) as Answer).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(cached.executions()).toBe(2);
  });

  it('sends an ETag, and 304 without a body when the client already holds that answer', async () => {
    const cached = server(CACHE);
    const body = { query: lookup, variables: { id: person('anna-varga') } };
    const first = await cached.post(body);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^\w{16,}$/);
    await first.text();
    const again = await cached.post(body, { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const otherVariables = await cached.post({ ...body, variables: { id: person('tomas-brenner') } });
    expect(otherVariables.headers.get('etag')).not.toBe(etag);
  });
});

describe('the performance settings', () => {
  it('run the JIT, the response cache and the fast lane unless told otherwise', () => {
    expect(loadConfig({}).performance).toEqual({ jit: true, responseCache: true, fastLane: true });
    const off = { CLAIMGRAPH_JIT: '0', CLAIMGRAPH_RESPONSE_CACHE: 'false', CLAIMGRAPH_FAST_LANE: '0' };
    expect(loadConfig(off).performance).toEqual({ jit: false, responseCache: false, fastLane: false });
  });
});

/** A corpus that answers like the fixture but lists no people: a different data set. */
function withoutPeople(real: Corpus): Corpus {
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'all') return (kind: string) => (kind === 'Person' ? [] : target.all(kind as never));
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
