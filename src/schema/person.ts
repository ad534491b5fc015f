import { builder } from '../builder.ts';
import { ENTITY_ORDER, EntityOrder, entitiesOfKind, entityBySlug, MAX_SLUG_LENGTH, SLUG } from './arguments.ts';
import { nodeOptions } from './node.ts';
import { Actor, Entity, Person, PersonConnection } from './refs.ts';

builder.node(Person, {
  ...nodeOptions('Person'),
  description: 'A named person, with the roles and titles the articles give.',
  interfaces: () => [Entity, Actor],
  fields: () => ({}),
});

builder.queryFields((t) => ({
  people: t.connection(
    {
      type: Person,
      description: 'Every person of the corpus, in the order of the data files unless `orderBy` says otherwise.',
      args: { orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }) },
      resolve: entitiesOfKind('Person'),
    },
    PersonConnection,
  ),
  person: t.field({
    type: Person,
    nullable: true,
    description: 'The person with this slug; null when no person has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG, maxLength: MAX_SLUG_LENGTH }) },
    resolve: entityBySlug('Person'),
  }),
}));
