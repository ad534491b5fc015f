import { builder } from '../builder.ts';
import { pageOfRelated } from '../pagination.ts';
import { ENTITY_ORDER, EntityOrder, entitiesOfKind, entityBySlug, MAX_SLUG_LENGTH, SLUG } from './arguments.ts';
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
      description: 'Every country of the corpus, in the order of the data files unless `orderBy` says otherwise.',
      args: { orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }) },
      resolve: entitiesOfKind('Country'),
    },
    CountryConnection,
  ),
  country: t.field({
    type: Country,
    nullable: true,
    description: 'The country with this slug; null when no country has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG, maxLength: MAX_SLUG_LENGTH }) },
    resolve: entityBySlug('Country'),
  }),
}));
