/**
 * Length caps on arguments (src/argument-limits.ts): every String, ID and list argument declares
 * one and its description states it; a value over its cap, literal or variable, anywhere in the
 * operation, is refused before execution with BAD_USER_INPUT naming the argument and the limit,
 * and a value at the cap passes.
 */
import SchemaBuilder from '@pothos/core';
import { getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentLimitsPlugin, describe as describeLimits, limitsOf } from '../src/argument-limits.ts';
import { schema } from '../src/schema/index.ts';
import { globalId } from './helpers.ts';
import { serve, type TestServer } from './http.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serve();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: Record<string, unknown> | null;
}

async function run(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await server.post({ query, variables });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

/** A global ID the API hands out, fetched first so that the tests need no record's id. */
async function someId(): Promise<string> {
  const answer = await run('{ people(first: 1) { nodes { id } } }');
  const id = (answer.data?.people as { nodes: { id: string }[] } | undefined)?.nodes[0]?.id;
  if (!id) throw new Error('no person to take an id from');
  return id;
}

describe('the schema declares a cap on every String, ID and list argument', () => {
  it('each one, and its description states it', () => {
    const missing: string[] = [];
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          const coordinate = `${type.name}.${field.name}(${argument.name})`;
          const list = isListType(getNullableType(argument.type));
          const text = ['String', 'ID'].includes(getNamedType(argument.type).name);
          if (!list && !text) continue;
          const limits = limitsOf(coordinate, argument);
          if (!limits || (list && !limits.maxItems) || (text && !limits.maxLength)) missing.push(coordinate);
          else if (field.name !== '_entities' && !argument.description?.endsWith(describeLimits(limits))) {
            undocumented.push(coordinate);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(undocumented).toEqual([]);
  });

  it('the plugin refuses to build a schema with a string argument that declares none', () => {
    const builder = new SchemaBuilder({ plugins: [ArgumentLimitsPlugin] });
    builder.queryType({
      fields: (t) => ({
        echo: t.string({ args: { text: t.arg.string() }, resolve: (_root, args) => args.text }),
      }),
    });
    expect(() => builder.toSchema()).toThrow('Query.echo(text): a string argument must declare maxLength');
  });

  it('SDL: the search query, global IDs, id lists and cursors', () => {
    const query = schema.getQueryType()?.getFields();
    expect(query?.search?.args.find((a) => a.name === 'query')?.description).toMatch(/At most 500 characters\.$/);
    expect(query?.node?.args[0]?.description).toMatch(/\. At most 256 characters\.$/);
    expect(query?.nodes?.args[0]?.description).toMatch(/\. At most 100 items, each at most 256 characters\.$/);
    expect(query?.people?.args.find((a) => a.name === 'after')?.description).toMatch(/At most 64 characters\.$/);
  });
});

describe('a value over its cap is refused before execution', () => {
  it('a search of one 99,800-character word (issue 12): 400, and search still answers afterwards', async () => {
    const started = performance.now();
    const answer = await run('query Find($q: String!) { search(query: $q) { totalCount } }', { q: 'a'.repeat(99_800) });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(answer).toEqual({
      status: 400,
      errors: [
        {
          message: 'Argument "query" of Query.search is 99800 characters long; the limit is 500.',
          locations: [{ line: 1, column: 34 }],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'query', field: 'Query.search', maxLength: 500 },
        },
      ],
    });
    const after = await run('{ search(query: "the", first: 1) { totalCount } }');
    expect(after.errors).toBeUndefined();
    expect(typeof (after.data?.search as { totalCount: number } | undefined)?.totalCount).toBe('number');
  });

  it('a search at the cap passes; one character more is refused', async () => {
    const at = await run(`{ search(query: "${'a'.repeat(500)}") { totalCount } }`);
    expect(at.errors).toBeUndefined();
    const over = await run(`{ search(query: "${'a'.repeat(501)}") { totalCount } }`);
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toBe(
      'Argument "query" of Query.search is 501 characters long; the limit is 500.',
    );
  });

  it('nodes(ids:) with 4,321 ids (issue 12): 400 naming the limit; 100 ids pass', async () => {
    // Short well-formed IDs, as in the issue: 4,321 of them fit the 100 KB body limit.
    const ids = Array.from({ length: 4_321 }, (_, i) => globalId('Person', `p${i}`));
    const many = await run('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(many.status).toBe(400);
    expect(many.errors).toMatchObject([
      {
        message: 'Argument "ids" of Query.nodes has 4321 items; the limit is 100.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids', maxItems: 100 },
      },
    ]);
    const id = await someId();
    const hundred = await run('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: new Array(100).fill(id) });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data?.nodes).toHaveLength(100);
  });

  it('one ID of a list over its cap: names the item', async () => {
    const id = await someId();
    const answer = await run('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id, id, 'x'.repeat(300)] });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toBe(
      'Item 2 of argument "ids" of Query.nodes is 300 characters long; the limit is 256.',
    );
  });

  it('a global ID, a filter ID and a cursor, as literals', async () => {
    const long = 'x'.repeat(300);
    const node = await run(`{ node(id: "${long}") { id } }`);
    expect(node.errors?.[0]?.message).toBe('Argument "id" of Query.node is 300 characters long; the limit is 256.');
    const filter = await run(`{ accusations(accuser: "${long}") { totalCount } }`);
    expect(filter.errors?.[0]?.message).toBe(
      'Argument "accuser" of Query.accusations is 300 characters long; the limit is 256.',
    );
    const cursor = await run(`{ people(after: "${'a'.repeat(90_000)}") { totalCount } }`);
    expect(cursor.status).toBe(400);
    expect(cursor.errors?.[0]?.message).toBe(
      'Argument "after" of Query.people is 90000 characters long; the limit is 64.',
    );
  });

  it('a cursor deep inside a fragment, from a variable', async () => {
    const id = await someId();
    const answer = await run(
      `query($id: ID!, $after: String) { node(id: $id) { ...Quotes } }
       fragment Quotes on Person { quotes(after: $after) { totalCount } }`,
      { id, after: 'b'.repeat(65) },
    );
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toBe(
      'Argument "after" of Person.quotes is 65 characters long; the limit is 64.',
    );
  });

  it('the label of @defer and @stream (repeated in every part of the answer): at most 100 characters', async () => {
    const label = 'l'.repeat(101);
    const deferred = await run(`{ ... @defer(label: "${label}") { people(first: 1) { totalCount } } }`);
    expect(deferred.status).toBe(400);
    expect(deferred.errors?.[0]).toMatchObject({
      message: 'Argument "label" of @defer is 101 characters long; the limit is 100.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'label', directive: '@defer', maxLength: 100 },
    });
    const streamed = await run(`{ people(first: 1) { nodes @stream(label: "${label}") { id } } }`);
    expect(streamed.errors?.[0]?.message).toBe('Argument "label" of @stream is 101 characters long; the limit is 100.');
  });

  it('_entities with more than 1,000 representations', async () => {
    const answer = await run('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: new Array(1_001).fill({ __typename: 'Person', id: 'x' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toBe(
      'Argument "representations" of Query._entities has 1001 items; the limit is 1000.',
    );
  });

  it('a client that accepts only application/json gets the same error with 200, as the GraphQL-over-HTTP spec asks', async () => {
    const response = await server.post(
      { query: `{ node(id: "${'x'.repeat(300)}") { id } }` },
      { accept: 'application/json' },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as Answer).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
