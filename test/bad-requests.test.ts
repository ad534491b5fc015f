/**
 * Bad requests over real HTTP, one test per case: each asserts the status code and the error
 * message, and that the server still answers a good query afterwards.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHERE_IDS_COME_FROM } from '../src/errors.ts';
import { globalId } from './helpers.ts';
import { serve, type TestServer } from './http.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serve();
});
afterAll(() => server.close());

async function expectStillAnswering() {
  const response = await server.post({ query: '{ people { totalCount } }' });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { data: unknown }).data).toEqual({ people: { totalCount: 7 } });
}

async function errorsOf(response: Response) {
  const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return body.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code }));
}

/**
 * `accusationsMade { nodes { accused { actor { ... on Person {` nests five levels a time as written,
 * four as the depth limit counts them (a fragment adds no level).
 */
function deepQuery(depth: number): string {
  const levels = Math.ceil(depth / 5);
  const open = 'accusationsMade { nodes { accused { actor { ... on Person { '.repeat(levels);
  return `{ node(id: "${globalId('Person', 'anna-varga')}") { ... on Person { ${open} id ${'} } } } } '.repeat(levels)} } } }`;
}

describe('bad requests', () => {
  it('malformed JSON: 400', async () => {
    const response = await server.post('{"query": "{ people { totalCount } }"');
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'POST body sent invalid JSON.', code: 'BAD_REQUEST' }]);
    await expectStillAnswering();
  });

  it('wrong content type: 415 saying what to send', async () => {
    const response = await server.post('<query>{ people { totalCount } }</query>', {
      'content-type': 'application/xml',
    });
    expect(response.status).toBe(415);
    expect(await errorsOf(response)).toEqual([
      {
        message:
          'Unsupported content type "application/xml": send the operation as JSON with content-type application/json.',
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    ]);
    await expectStillAnswering();
  });

  it('a content type a browser form can send: 415', async () => {
    const response = await server.post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await errorsOf(response)).toEqual([
      {
        message:
          'Unsupported content type "text/plain": send the operation as JSON with content-type application/json.',
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    ]);
    await expectStillAnswering();
  });

  it('empty body: 400', async () => {
    const response = await server.post('');
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'POST body sent invalid JSON.', code: 'BAD_REQUEST' }]);
    await expectStillAnswering();
  });

  it('missing query: 400', async () => {
    const response = await server.post({ variables: {} });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'Must provide query string.', code: 'BAD_REQUEST' }]);
    await expectStillAnswering();
  });

  it('a 1 MB query: 413', async () => {
    const query = `{ people { totalCount } } # ${'x'.repeat(1_000_000)}`;
    const response = await server.post({ query });
    expect(response.status).toBe(413);
    expect(await errorsOf(response)).toEqual([{ message: 'Request body too large', code: 'REQUEST_ENTITY_TOO_LARGE' }]);
    await expectStillAnswering();
  });

  it('depth 30: 400', async () => {
    const response = await server.post({ query: deepQuery(30) });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([
      { message: 'Query depth limit of 10 exceeded, found 26.', code: 'QUERY_TOO_DEEP' },
    ]);
    await expectStillAnswering();
  });

  it('1,000 aliases: 400 (the token limit stops it first)', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: people { totalCount }`).join(' ');
    const response = await server.post({ query: `{ ${aliases} }` });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'Token limit of 1000 exceeded.', code: 'TOO_MANY_TOKENS' }]);
    await expectStillAnswering();
  });

  it('a cost bomb of nested connections with first: 100 at each level: 400', async () => {
    const query = `{
      people(first: 100) { nodes {
        accusationsMade(first: 100) { nodes {
          accused { actor { ... on Person {
            accusationsMade(first: 100) { nodes { act } }
          } } }
        } }
      } }
    }`;
    const response = await server.post({ query });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([
      {
        message:
          'Query cost 10310201 exceeds the limit of 500000. The most costly path, people(first: 100) → nodes → ' +
          'accusationsMade(first: 100) → nodes → accused → actor → accusationsMade(first: 100) → nodes, costs ' +
          '10310201. With first: 4 at people(first: 100) → nodes → accusationsMade(first: 100) it would fit.',
        code: 'QUERY_TOO_COSTLY',
      },
    ]);
    await expectStillAnswering();
  });

  it('unknown field: 400', async () => {
    const response = await server.post({ query: '{ peeple { totalCount } }' });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([
      {
        message: 'Cannot query field "peeple" on type "Query". Did you mean "people"?',
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
    ]);
    await expectStillAnswering();
  });

  it('wrong variable types: 400', async () => {
    const response = await server.post({
      query: 'query People($n: Int) { people(first: $n) { totalCount } }',
      variables: { n: 'ten' },
    });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([
      {
        message: 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
        code: 'BAD_USER_INPUT',
      },
    ]);
    await expectStillAnswering();
  });

  it('invalid global ID in node(id:): BAD_USER_INPUT, node null', async () => {
    const response = await server.post({ query: '{ node(id: "garbage") { id } }' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toEqual({ node: null });
    expect(
      body.errors.map((e: { message: string; extensions: { code: string } }) => [e.message, e.extensions.code]),
    ).toEqual([[`Invalid global ID: garbage. ${WHERE_IDS_COME_FROM}`, 'BAD_USER_INPUT']]);
    await expectStillAnswering();
  });

  it('invalid global ID in a filter argument: BAD_USER_INPUT', async () => {
    const response = await server.post({ query: '{ accusations(accuser: "garbage") { totalCount } }' });
    expect(response.status).toBe(200);
    expect(await errorsOf(response)).toEqual([
      { message: `Invalid global ID: garbage. ${WHERE_IDS_COME_FROM}`, code: 'BAD_USER_INPUT' },
    ]);
    await expectStillAnswering();
  });

  it.each([
    ['not base64', 'garbage'],
    ['base64, not a cursor', Buffer.from('hello').toString('base64')],
    ['an offset cursor without a number', Buffer.from('OffsetConnection:x').toString('base64')],
  ])('invalid cursor (%s): BAD_USER_INPUT', async (_case, cursor) => {
    const response = await server.post({ query: `{ people(after: ${JSON.stringify(cursor)}) { totalCount } }` });
    expect(response.status).toBe(200);
    expect(await errorsOf(response)).toEqual([
      { message: 'Argument "after" is not a cursor from this API.', code: 'BAD_USER_INPUT' },
    ]);
    await expectStillAnswering();
  });

  it('first: -1: BAD_USER_INPUT', async () => {
    const response = await server.post({ query: '{ people(first: -1) { totalCount } }' });
    expect(response.status).toBe(200);
    expect(await errorsOf(response)).toEqual([
      { message: 'Argument "first" must be between 0 and 100, got -1.', code: 'BAD_USER_INPUT' },
    ]);
    await expectStillAnswering();
  });

  it('first: 1000000: BAD_USER_INPUT', async () => {
    const response = await server.post({ query: '{ people(first: 1000000) { totalCount } }' });
    expect(response.status).toBe(200);
    expect(await errorsOf(response)).toEqual([
      { message: 'Argument "first" must be between 0 and 100, got 1000000.', code: 'BAD_USER_INPUT' },
    ]);
    await expectStillAnswering();
  });

  it('a batch (an array of operations): 400, batching is off', async () => {
    const response = await server.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'Batching is not supported.', code: 'BAD_REQUEST' }]);
    await expectStillAnswering();
  });
});
