import { builder } from '../builder.ts';
import type { PlaceRecord } from '../data/corpus.ts';
import { Country } from './country.ts';
import { Entity } from './entity.ts';
import { Event, EventConnection } from './event.ts';
import { nodeOptions } from './kinds.ts';
import { page, pageOfRelated } from './page.ts';

export const Place = builder.objectRef<PlaceRecord>('Place');

export const PlaceConnection = builder.connectionObject(
  { type: Place, name: 'PlaceConnection', description: 'A page of places.' },
  { name: 'PlaceEdge', description: 'One of a page of places, with its cursor.' },
);

builder.node(Place, {
  ...nodeOptions('Place'),
  description: 'A city, site or region where something happens (the Kremlin, Gaza, Baku).',
  interfaces: () => [Entity],
  fields: (t) => ({
    country: t.field({
      type: Country,
      nullable: true,
      description: 'The country it lies in, where the articles make that plain; null otherwise.',
      resolve: (place, _args, context) => (place.country ? context.loaders.ref(place.country, ['Country']) : null),
    }),
    events: t.connection(
      {
        type: Event,
        description: 'Dated events that took place here.',
        resolve: pageOfRelated('eventsByPlace'),
      },
      EventConnection,
    ),
  }),
});

builder.objectField(Country, 'places', (t) =>
  t.connection(
    {
      type: Place,
      description: 'Places in this country, where the articles make that plain.',
      resolve: pageOfRelated('placesByCountry'),
    },
    PlaceConnection,
  ),
);

builder.objectField(Country, 'events', (t) =>
  t.connection(
    {
      type: Event,
      description: 'Dated events that took place in this country (as a whole, not in one of its places).',
      resolve: pageOfRelated('eventsByPlace'),
    },
    EventConnection,
  ),
);

builder.queryFields((t) => ({
  places: t.connection(
    {
      type: Place,
      description: 'Every place of the corpus, in the order of the data files.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Place')),
    },
    PlaceConnection,
  ),
}));
