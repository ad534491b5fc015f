import { builder } from '../builder.ts';
import { page } from '../pagination.ts';
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
      description: 'Every person of the corpus, in the order of the data files.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Person')),
    },
    PersonConnection,
  ),
}));
