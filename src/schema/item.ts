import { builder } from '../builder.ts';
import { pageOfRelated } from '../pagination.ts';
import { ENTITY_ORDER, EntityOrder, entitiesOfKind, entityBySlug, MAX_SLUG_LENGTH, SLUG } from './arguments.ts';
import { nodeOptions } from './node.ts';
import { Accusation, AccusationConnection, Entity, Item, ItemConnection } from './refs.ts';

export const ItemCategory = builder.enumType('ItemCategory', {
  description: 'What kind of thing an item is.',
  values: {
    DRONE: { description: 'Drones of any kind.' },
    MISSILE: { description: 'Missiles of any kind.' },
    TROOPS: { description: 'Soldiers or other personnel.' },
    OTHER: { description: 'Anything else.' },
  } as const,
});

builder.node(Item, {
  ...nodeOptions('Item'),
  description: 'Something supplied or sent in a claim: explosive drones, short-range missiles, soldiers.',
  interfaces: () => [Entity],
  fields: (t) => ({
    category: t.expose('category', { type: ItemCategory, description: 'What kind of thing it is.' }),
    accusations: t.connection(
      {
        type: Accusation,
        description: 'Accusations that name this item.',
        resolve: pageOfRelated('accusationsByItem'),
      },
      AccusationConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  items: t.connection(
    {
      type: Item,
      description: 'Every item of the corpus, in the order of the data files unless `orderBy` says otherwise.',
      args: { orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }) },
      resolve: entitiesOfKind('Item'),
    },
    ItemConnection,
  ),
  item: t.field({
    type: Item,
    nullable: true,
    description: 'The item with this slug; null when no item has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG, maxLength: MAX_SLUG_LENGTH }) },
    resolve: entityBySlug('Item'),
  }),
}));
