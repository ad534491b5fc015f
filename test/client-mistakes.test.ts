/**
 * A client's mistakes are answered as the client's, never as a server error: each case of issue 12
 * that answered 500 or an uncoded error answers a GraphQL error with `extensions.code`, is logged
 * as a client error (level warn, with its code) and never with a stack, and the server still
 * answers afterwards. In production, as deployed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_VARIABLE_DEPTH } from '../src/plugins/input.ts';
import type { LogEntry } from '../src/plugins/observability.ts';
import { globalId } from './helpers.ts';
import { configFrom, serve, type TestServer } from './http.ts';

let server: TestServer;
const entries: LogEntry[] = [];
beforeAll(async () => {
  server = await serve({
    config: configFrom({ NODE_ENV: 'production', CLAIMGRAPH_LOG_SAMPLE_RATE: '1' }),
    log: (entry) => entries.push(entry),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  entries.length = 0;
});

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(body: unknown): Promise<Answer> {
  const response = await server.post(body);
  return { status: response.status, body: await response.json() };
}

const codes = (answer: Answer) => answer.body.errors?.map((error) => error.extensions?.code);

/** The request was logged as a client error, with its code, and nothing was logged with a stack. */
async function expectLoggedAsClientError(code: string) {
  await new Promise((resolve) => setImmediate(resolve));
  const requests = entries.filter((entry) => entry.msg === 'request');
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ level: 'warn', errorCodes: [code] });
  expect(entries.filter((entry) => entry.level === 'error' || 'error' in entry)).toEqual([]);
}

async function expectStillAnswering() {
  const answer = await post({ query: '{ people(first: 1) { nodes { id } } }' });
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
}

/** `[[[ … "x" … ]]]`, `depth` lists deep, written by hand: JSON.stringify would recurse as deep. */
const nested = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('client mistakes: 4xx or a coded error, never a 500', () => {
  it('variables nested 10,000 deep (the response cache key overflowed the stack): 400 BAD_USER_INPUT', async () => {
    const response = await server.post(`{"query":"{ __typename }","variables":{"x":${nested(10_000)}}}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `The request's variables nest deeper than ${MAX_VARIABLE_DEPTH} levels.`,
          extensions: { code: 'BAD_USER_INPUT', maxDepth: MAX_VARIABLE_DEPTH },
        },
      ],
    });
    await expectLoggedAsClientError('BAD_USER_INPUT');
    await expectStillAnswering();
  });

  it('a variable for a list of IDs nested 10,000 deep, and extensions nested as deep: 400 alike', async () => {
    const ids = await server.post(
      `{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${nested(10_000)}}}`,
    );
    expect(ids.status).toBe(400);
    const extensions = await server.post(`{"query":"{ __typename }","extensions":{"x":${nested(10_000)}}}`);
    expect(extensions.status).toBe(400);
    expect(((await extensions.json()) as Answer['body']).errors?.[0]?.message).toBe(
      `The request's extensions nest deeper than ${MAX_VARIABLE_DEPTH} levels.`,
    );
    await expectStillAnswering();
  });

  it(`variables nested ${MAX_VARIABLE_DEPTH} deep are fine`, async () => {
    const response = await server.post(
      `{"query":"{ __typename }","variables":{"x":${nested(MAX_VARIABLE_DEPTH - 1)}}}`,
    );
    expect(response.status).toBe(200);
  });

  it('an oversized variable (a 90,000-character ID): 400 BAD_USER_INPUT naming the argument and its limit', async () => {
    const answer = await post({
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: { id: 'x'.repeat(90_000) },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toBe(
      'Argument "id" of Query.node is 90000 characters long; the limit is 256.',
    );
    await expectLoggedAsClientError('BAD_USER_INPUT');
  });

  it('@stream(initialCount: -1), as a literal, a variable or null: 400 BAD_USER_INPUT (the executor threw, a 500)', async () => {
    const literal = await post({ query: '{ people(first: 2) { nodes @stream(initialCount: -1) { id } } }' });
    expect(literal.status).toBe(400);
    expect(literal.body.errors).toMatchObject([
      {
        message: 'Argument "initialCount" of @stream must be a number of at least 0, got -1.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'initialCount', directive: '@stream', min: 0 },
      },
    ]);
    await expectLoggedAsClientError('BAD_USER_INPUT');
    const variable = await post({
      query: 'query($n: Int!) { people(first: 2) { nodes @stream(initialCount: $n) { id } } }',
      variables: { n: -1 },
    });
    expect(variable.status).toBe(400);
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    const none = await post({ query: '{ people(first: 2) { nodes @stream(initialCount: null) { id } } }' });
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0]?.message).toBe(
      'Argument "initialCount" of @stream must be a number of at least 0, got null.',
    );
    await expectStillAnswering();
  });

  it('a variable that does not coerce (it had no code): 400 BAD_USER_INPUT', async () => {
    const answer = await post({
      query: 'query($n: Int) { people(first: $n) { totalCount } }',
      variables: { n: 'ten' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
          locations: [{ line: 1, column: 7 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    await expectLoggedAsClientError('BAD_USER_INPUT');
  });

  it('the same with the JIT off, and a missing required variable', async () => {
    const plain = await serve({ config: configFrom({ CLAIMGRAPH_JIT: '0' }) });
    try {
      const response = await plain.post({
        query: 'query($n: Int) { people(first: $n) { totalCount } }',
        variables: { n: 'ten' },
      });
      expect(response.status).toBe(400);
      const missing = await plain.post({ query: 'query($id: ID!) { node(id: $id) { id } }' });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as Answer['body']).errors).toMatchObject([
        { message: 'Variable "$id" of required type "ID!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } },
      ]);
    } finally {
      await plain.close();
    }
  });

  it('a well-formed global ID of a type the API does not have (it answered "Foo has not been implemented"): BAD_USER_INPUT', async () => {
    const answer = await post({ query: `{ node(id: "${globalId('Foo', 'bar')}") { id } }` });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      data: { node: null },
      errors: [
        {
          message: 'Argument "id" holds a global ID of type "Foo", which has no objects with global IDs.',
          locations: [{ line: 1, column: 3 }],
          path: ['node'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
        },
      ],
    });
    await expectLoggedAsClientError('BAD_USER_INPUT');
  });

  it('…of a type without global IDs, and in nodes(ids:)', async () => {
    const evidence = await post({ query: `{ node(id: "${globalId('Evidence', 'x')}") { id } }` });
    expect(codes(evidence)).toEqual(['BAD_USER_INPUT']);
    const nodes = await post({ query: `{ nodes(ids: ["${globalId('Foo', 'bar')}"]) { id } }` });
    expect(nodes.body.errors?.[0]).toMatchObject({
      message: 'Argument "ids" holds a global ID of type "Foo", which has no objects with global IDs.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expectStillAnswering();
  });

  it('a GET whose variables are not JSON (found by npm run fuzz; it answered 500): 400 BAD_REQUEST', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}&variables=not-json`, {
      headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'The variables or extensions of the URL are not valid JSON.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    await expectStillAnswering();
  });

  it('_entities representations that are not { __typename, id } of an entity (found by npm run fuzz: a masked server error): BAD_USER_INPUT', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    for (const r of [['just a string'], [{ __typename: 'Unknown', id: 'x' }], [{ __typename: 'Person' }], [42]]) {
      entries.length = 0;
      const answer = await post({ query, variables: { r } });
      expect(answer.body.errors, JSON.stringify(r)).toMatchObject([
        {
          message: 'Representation 0 of argument "representations" is not { __typename, id } of an entity type.',
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations' },
        },
      ]);
      await expectLoggedAsClientError('BAD_USER_INPUT');
    }
    await expectStillAnswering();
  });

  it('an unknown ID of a known type is still null, without an error', async () => {
    const answer = await post({ query: `{ node(id: "${globalId('Person', 'nobody-at-all')}") { id } }` });
    expect(answer.body.data).toEqual({ node: null });
    expect(answer.body.errors).toBeUndefined();
  });
});
