/**
 * The subgraph's `_entities` field, as a gateway calls it: representations keyed by global ID
 * resolve through the per-request loaders, many representations in one batch.
 */
import { describe, expect, it } from 'vitest';
import { client, globalId } from './helpers.ts';

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Node { id }
      ... on Entity { name }
    }
  }
`;

/** One record of every entity type. */
const ONE_OF_EACH = [
  ['Accusation', 'accusation-sudovia-armed-ostria'],
  ['Agreement', 'kessel-treaty'],
  ['Article', 'kessel-treaty-report'],
  ['Country', 'sudovia'],
  ['Event', 'kessel-press-conference'],
  ['Item', 'volunteer-soldiers'],
  ['Organization', 'estmark-radio'],
  ['Person', 'tomas-brenner'],
  ['Place', 'kessel'],
  ['Provision', 'provision-grain-ships'],
  ['Quote', 'quote-marten-new-chapter'],
  ['Statement', 'statement-no-mutual-defence'],
] as const;

const representation = (type: string, id: string) => ({ __typename: type, id: globalId(type, id) });

describe('_entities', () => {
  it('resolves a representation of every entity type, in order, in one loader batch', async () => {
    const api = client();
    const representations = ONE_OF_EACH.map(([type, id]) => representation(type, id));
    const result = await api.run<{ _entities: { __typename: string; id: string }[] }>(ENTITIES, {
      representations,
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map(({ __typename, id }) => ({ __typename, id }))).toEqual(representations);
    expect(api.contexts.at(-1)?.loaders.stats).toEqual({ node: { batches: 1, keys: 12 } });
  });

  it('loads every person and country of a gateway fetch in a single batch', async () => {
    const api = client();
    const people = ['petra-holm', 'anna-varga', 'jonas-falk', 'mira-solano', 'tomas-brenner'];
    const countries = ['ostria', 'norland', 'westerra', 'estmark'];
    const result = await api.run<{ _entities: { name: string }[] }>(ENTITIES, {
      representations: [
        ...people.map((id) => representation('Person', id)),
        ...countries.map((id) => representation('Country', id)),
      ],
    });

    expect(result.data?._entities.map((entity) => entity.name)).toEqual([
      'Petra Holm',
      'Anna Varga',
      'Jonas Falk',
      'Mira Solano',
      'Tomas Brenner',
      'Ostria',
      'Norland',
      'Westerra',
      'Estmark',
    ]);
    expect(api.contexts.at(-1)?.loaders.stats).toEqual({ node: { batches: 1, keys: 9 } });
  });

  it('answers null for an unknown id and for an id of another type', async () => {
    const result = await client().run(ENTITIES, {
      representations: [
        representation('Person', 'nobody'),
        { __typename: 'Person', id: globalId('Country', 'norland') },
        representation('Country', 'norland'),
      ],
    });

    expect(result).toEqual({
      data: { _entities: [null, null, { __typename: 'Country', id: globalId('Country', 'norland'), name: 'Norland' }] },
      extensions: { cost: { requested: 3, limit: 500_000 } }, // one object per representation
    });
  });

  it('reports a malformed global ID as the client mistake it is', async () => {
    const result = await client().run(ENTITIES, { representations: [{ __typename: 'Person', id: 'not base64!' }] });

    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
