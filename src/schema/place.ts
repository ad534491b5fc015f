import { builder } from '../builder.ts';
import { page, pageOfRelated } from '../pagination.ts';
import { nodeOptions } from './node.ts';
import { Country, Entity, Event, EventConnection, Place, PlaceConnection } from './refs.ts';

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
