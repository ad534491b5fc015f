import { builder } from '../builder.ts';
import { pageOfRelated } from '../pagination.ts';
import { ENTITY_ORDER, EntityOrder, entitiesOfKind, entityBySlug, MAX_SLUG_LENGTH, SLUG } from './arguments.ts';
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
      description: 'Every place of the corpus, in the order of the data files unless `orderBy` says otherwise.',
      args: { orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }) },
      resolve: entitiesOfKind('Place'),
    },
    PlaceConnection,
  ),
  place: t.field({
    type: Place,
    nullable: true,
    description: 'The place with this slug; null when no place has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG, maxLength: MAX_SLUG_LENGTH }) },
    resolve: entityBySlug('Place'),
  }),
}));
