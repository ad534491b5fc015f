/**
 * Apollo Federation: every record type is an entity keyed by its global ID, so a gateway can
 * fetch any of them from claimgraph (`_entities`) and other subgraphs can add fields to them.
 * A representation resolves through the per-request node loader: the representations of one
 * `_entities` call load in a single batch.
 */
import type { ObjectRef } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Kind, RecordOf } from '../data/records.ts';
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
  Statement,
} from './refs.ts';

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
