import { builder } from '../builder.ts';
import type { PersonRecord } from '../data/corpus.ts';
import { Actor, Entity } from './entity.ts';
import { nodeOptions } from './kinds.ts';
import { page } from './page.ts';

export const Person = builder.objectRef<PersonRecord>('Person');

export const PersonConnection = builder.connectionObject(
  { type: Person, name: 'PersonConnection', description: 'A page of people.' },
  { name: 'PersonEdge', description: 'One of a page of people, with its cursor.' },
);

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
