/**
 * Apollo Federation: every record type, and the sentence, is an entity keyed by its global ID, so a gateway can
 * fetch any of them from claimgraph (`_entities`) and other subgraphs can add fields to them.
 * A representation resolves through the per-request node loader: the representations of one
 * `_entities` call load in a single batch. One that is not `{ __typename, id }` of an entity type
 * is the caller's mistake, answered as BAD_USER_INPUT (`guardEntities`).
 */
import type { ObjectRef } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLSchema, isUnionType } from 'graphql';
import { builder } from '../builder.ts';
import type { Kind, RecordOf } from '../data/records.ts';
import { badUserInput } from '../errors.ts';
import {
  Accusation,
  Agreement,
  Article,
  Country,
  Event,
  Item,
  Organization,
  Person,
  Place,
  Provision,
  Quote,
  SentenceRef,
  Statement,
} from './refs.ts';
import { sentenceOf } from './sentence.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const key = builder.selection<{ id: string }>('id');

/** Declares the type of `kind` an entity whose `@key` is its global ID. */
function entity<K extends Kind>(ref: ObjectRef<Types, RecordOf<K>>, kind: K): void {
  builder.asEntity(ref, {
    key,
    resolveReference: ({ id }, context): Promise<RecordOf<K> | null> | null => {
      const global = decodeGlobalID(id);
      return global.typename === kind ? context.loaders.one(global.id, [kind]) : null;
    },
  });
}

entity(Accusation, 'Accusation');
entity(Agreement, 'Agreement');
entity(Article, 'Article');
entity(Country, 'Country');
entity(Event, 'Event');
entity(Item, 'Item');
entity(Organization, 'Organization');
entity(Person, 'Person');
entity(Place, 'Place');
entity(Provision, 'Provision');
entity(Quote, 'Quote');
entity(Statement, 'Statement');

builder.asEntity(SentenceRef, {
  key,
  resolveReference: ({ id }, context) => {
    const global = decodeGlobalID(id);
    return global.typename === 'Sentence' ? sentenceOf(context.corpus, global.id) : null;
  },
});

/**
 * Checks every representation of an `_entities` call before Apollo's resolver reads it: that
 * resolver throws a plain error (a masked server error) for a representation without the
 * `__typename` of an entity, and ours would fail on one without an `id`. Wraps the field of the
 * schema built by src/schema/index.ts, which comes from @apollo/subgraph, not from Pothos.
 */
export function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  const resolve = field?.resolve;
  if (!field || !resolve || !isUnionType(entityUnion)) return schema;
  const entities = new Set(entityUnion.getTypes().map((type) => type.name));
  field.resolve = (source, args, context, info) => {
    for (const [index, representation] of (args.representations as unknown[]).entries()) {
      const { __typename, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
      if (typeof __typename !== 'string' || !entities.has(__typename) || typeof id !== 'string') {
        throw badUserInput(
          `Representation ${index} of argument "representations" is not { __typename, id } of an entity type.`,
          { argumentName: 'representations' },
        );
      }
    }
    return resolve(source, args, context, info);
  };
  return schema;
}
