import { builder } from '../builder.ts';
import type { CountryRecord } from '../data/corpus.ts';
import { Actor, Entity } from './entity.ts';
import { nodeOptions } from './kinds.ts';
import { page } from './page.ts';

export const Country = builder.objectRef<CountryRecord>('Country');

export const CountryConnection = builder.connectionObject(
  { type: Country, name: 'CountryConnection', description: 'A page of countries.' },
  { name: 'CountryEdge', description: 'One of a page of countries, with its cursor.' },
);

builder.node(Country, {
  ...nodeOptions('Country'),
  description: 'A country. Capitals used for governments ("Moscow", "Tehran") are mentions of the country.',
  interfaces: () => [Entity, Actor],
  fields: () => ({}),
});

builder.queryFields((t) => ({
  countries: t.connection(
    {
      type: Country,
      description: 'Every country of the corpus, in the order of the data files.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Country')),
    },
    CountryConnection,
  ),
}));
