import { MAX_GLOBAL_ID_LENGTH } from '../argument-limits.ts';
import { builder } from '../builder.ts';
import { matching, page } from '../pagination.ts';
import { ItemCategory } from './item.ts';
import { nodeOptions } from './node.ts';
import { Accusation, AccusationConnection, ActorRole, Claim, ItemRole, ResponseRef } from './refs.ts';
import { StanceEnum } from './roles.ts';

builder.node(Accusation, {
  ...nodeOptions('Accusation'),
  description:
    'An accusation: who accuses whom of what act, with which items, to whose benefit, and how each accused ' +
    'party answered. Every role carries the words that state it.',
  interfaces: () => [Claim],
  fields: (t) => ({
    act: t.exposeString('act', { description: "The alleged act, in the article's words." }),
    accusers: t.expose('accusers', { type: [ActorRole], description: 'Who accuses.' }),
    accused: t.expose('accused', { type: [ActorRole], description: 'Who is accused.' }),
    items: t.expose('items', { type: [ItemRole], description: 'What was allegedly supplied or sent.' }),
    beneficiaries: t.expose('beneficiaries', { type: [ActorRole], description: 'Who the alleged act helps.' }),
    responses: t.expose('responses', {
      type: [ResponseRef],
      description: "Each answering party's stance, one entry per party; empty when the article reports none.",
    }),
  }),
});

builder.queryFields((t) => ({
  accusations: t.connection(
    {
      type: Accusation,
      description: 'Accusations, optionally filtered; filters combine with AND.',
      args: {
        accuser: t.arg.globalID({
          description: 'Only accusations made by this actor.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
        accused: t.arg.globalID({
          description: 'Only accusations against this actor.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
        beneficiary: t.arg.globalID({
          description: 'Only accusations of acts that help this actor.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
        item: t.arg.globalID({ description: 'Only accusations naming this item.', maxLength: MAX_GLOBAL_ID_LENGTH }),
        itemCategory: t.arg({ type: ItemCategory, description: 'Only accusations naming an item of this category.' }),
        stance: t.arg({ type: StanceEnum, description: 'Only accusations that some party answered with this stance.' }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        return page(
          args,
          matching(corpus.all('Accusation'), [
            args.accuser ? corpus.related('accusationsByAccuser', args.accuser.id) : null,
            args.accused ? corpus.related('accusationsByAccused', args.accused.id) : null,
            args.beneficiary ? corpus.related('accusationsByBeneficiary', args.beneficiary.id) : null,
            args.item ? corpus.related('accusationsByItem', args.item.id) : null,
            args.itemCategory ? corpus.related('accusationsByItemCategory', args.itemCategory) : null,
            args.stance ? corpus.related('accusationsByStance', args.stance) : null,
          ]),
        );
      },
    },
    AccusationConnection,
  ),
}));
