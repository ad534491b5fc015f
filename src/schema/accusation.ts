import { builder } from '../builder.ts';
import { ACTOR_KINDS } from '../data/records.ts';
import { matching, page } from '../pagination.ts';
import { CLAIM_ORDER, ClaimOrder, filterId, orderClaims, takesIdOf } from './arguments.ts';
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
      description:
        'Accusations, in article order unless `orderBy` says otherwise, optionally filtered; filters combine with AND.',
      args: {
        accuser: t.arg.globalID({ description: takesIdOf(ACTOR_KINDS, 'Only accusations made by this actor.') }),
        accused: t.arg.globalID({ description: takesIdOf(ACTOR_KINDS, 'Only accusations against this actor.') }),
        beneficiary: t.arg.globalID({
          description: takesIdOf(ACTOR_KINDS, 'Only accusations of acts that help this actor.'),
        }),
        item: t.arg.globalID({ description: takesIdOf(['Item'], 'Only accusations naming this item.') }),
        itemCategory: t.arg({ type: ItemCategory, description: 'Only accusations naming an item of this category.' }),
        stance: t.arg({ type: StanceEnum, description: 'Only accusations that some party answered with this stance.' }),
        orderBy: t.arg({ type: ClaimOrder, description: CLAIM_ORDER }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const accuser = filterId(corpus, 'accuser', args.accuser, ACTOR_KINDS);
        const accused = filterId(corpus, 'accused', args.accused, ACTOR_KINDS);
        const beneficiary = filterId(corpus, 'beneficiary', args.beneficiary, ACTOR_KINDS);
        const item = filterId(corpus, 'item', args.item, ['Item']);
        const filters = [
          accuser ? corpus.related('accusationsByAccuser', accuser) : null,
          accused ? corpus.related('accusationsByAccused', accused) : null,
          beneficiary ? corpus.related('accusationsByBeneficiary', beneficiary) : null,
          item ? corpus.related('accusationsByItem', item) : null,
          args.itemCategory ? corpus.related('accusationsByItemCategory', args.itemCategory) : null,
          args.stance ? corpus.related('accusationsByStance', args.stance) : null,
        ];
        const accusations = matching(corpus.all('Accusation'), filters);
        return page(
          args,
          orderClaims(
            accusations,
            args.orderBy,
            filters.every((f) => f === null),
          ),
        );
      },
    },
    AccusationConnection,
  ),
}));
