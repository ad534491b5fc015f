import { builder } from '../builder.ts';
import { page, pageOfRelated } from '../pagination.ts';
import { nodeOptions } from './node.ts';
import { Actor, Country, CountryConnection, Entity, Event, EventConnection, Place, PlaceConnection } from './refs.ts';

builder.node(Country, {
  ...nodeOptions('Country'),
  description: 'A country. Capitals used for governments ("Moscow", "Tehran") are mentions of the country.',
  interfaces: () => [Entity, Actor],
  fields: (t) => ({
    places: t.connection(
      {
        type: Place,
        description: 'Places in this country, where the articles make that plain.',
        resolve: pageOfRelated('placesByCountry'),
      },
      PlaceConnection,
    ),
    events: t.connection(
      {
        type: Event,
        description: 'Dated events that took place in this country (as a whole, not in one of its places).',
        resolve: pageOfRelated('eventsByPlace'),
      },
      EventConnection,
    ),
  }),
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
