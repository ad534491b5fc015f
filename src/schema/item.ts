import { builder } from '../builder.ts';
import type { ItemRecord } from '../data/corpus.ts';
import { Accusation, AccusationConnection } from './accusation.ts';
import { Entity } from './entity.ts';
import { nodeOptions } from './kinds.ts';
import { page, pageOfRelated } from './page.ts';

export const Item = builder.objectRef<ItemRecord>('Item');

export const ItemCategory = builder.enumType('ItemCategory', {
  description: 'What kind of thing an item is.',
  values: {
    DRONE: { description: 'Drones of any kind.' },
    MISSILE: { description: 'Missiles of any kind.' },
    TROOPS: { description: 'Soldiers or other personnel.' },
    OTHER: { description: 'Anything else.' },
  } as const,
});

export const ItemConnection = builder.connectionObject(
  { type: Item, name: 'ItemConnection', description: 'A page of items.' },
  { name: 'ItemEdge', description: 'One of a page of items, with its cursor.' },
);

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
      description: 'Every item of the corpus, in the order of the data files.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Item')),
    },
    ItemConnection,
  ),
}));
