/**
 * The interfaces shared by entities: `Entity` (anything an article names) and `Actor` (an entity
 * that can sign, accuse, be accused, respond or speak). Their fields resolve once here for every
 * implementing type.
 */
import { MAX_ENUM_LIST } from '../argument-limits.ts';
import { builder } from '../builder.ts';
import { ENTITY_FILES } from '../data/records.ts';
import { roleKey } from '../data/relations.ts';
import { page, pageOfRelated } from '../pagination.ts';
import { ENTITY_ORDER, EntityOrder, mentionCount, orderEntities } from './arguments.ts';
import { EntityKind } from './mention.ts';
import { kindOf } from './node.ts';
import {
  Accusation,
  AccusationConnection,
  Actor,
  Agreement,
  AgreementConnection,
  Article,
  ArticleConnection,
  Entity,
  EntityConnection,
  EntityNameRef,
  Event,
  EventConnection,
  MentionConnection,
  MentionRef,
  Quote,
  QuoteConnection,
  Statement,
  StatementConnection,
  TitleConnection,
  TitleRef,
} from './refs.ts';
import { StatementRoleKindEnum } from './statement.ts';

Entity.implement({
  description: 'Anything an article names: a person, a country, an organization, a place or an item.',
  interfaces: () => [builder.nodeInterfaceRef()],
  resolveType: kindOf,
  fields: (t) => ({
    slug: t.string({
      description:
        'Its stable, human-readable key: the `id` of its record in data/entities/ ("vladimir-putin", "north-korea"), ' +
        'unique across the corpus; `person(slug:)`, `country(slug:)`, … fetch it.',
      resolve: (entity) => entity.id,
    }),
    name: t.exposeString('name', {
      description: 'The usual name. It may be one the articles never write (see `names`): "China" for "Beijing".',
    }),
    names: t.field({
      type: [EntityNameRef],
      description:
        'Every name it is declared with: `name` first, then its aliases, each with whether an article writes it.',
      resolve: (entity) => entity.names,
    }),
    mentions: t.connection(
      {
        type: MentionRef,
        description:
          'Every place the articles refer to it, article by article in text order: each occurrence of one of its ' +
          'names (a capital standing for a government, "kyiv" for Ukraine) and each description that stands for it. ' +
          'Complete: `totalCount` is `mentionCount`.',
        resolve: (entity, args, context) => page(args, context.corpus.mentions(entity.id)),
      },
      MentionConnection,
    ),
    mentionCount: t.int({
      description: 'How many mentions the articles make of it: the length of `mentions`.',
      resolve: (entity, _args, context) => context.corpus.mentions(entity.id).length,
    }),
    titles: t.connection(
      {
        type: TitleRef,
        description: 'Roles, titles and descriptions the articles give it, article by article, each with its evidence.',
        resolve: (entity, args, context) =>
          page(
            args,
            context.corpus.inArticles(entity.id).flatMap((entry) => entry.titles),
          ),
      },
      TitleConnection,
    ),
    articles: t.connection(
      {
        type: Article,
        description: 'The articles that mention it, in id order.',
        // One entry per article: page the entries, then load only the page's articles.
        resolve: (entity, args, context) => {
          const mentions = page(args, context.corpus.inArticles(entity.id));
          return {
            ...mentions,
            edges: mentions.edges.map(
              async (edge) =>
                edge && { cursor: edge.cursor, node: await context.loaders.ref(edge.node.article, ['Article']) },
            ),
          };
        },
      },
      ArticleConnection,
    ),
    quotesAbout: t.connection(
      {
        type: Quote,
        description: 'Quotes whose words are about it, in article order.',
        resolve: pageOfRelated('quotesByTopic'),
      },
      QuoteConnection,
    ),
    statements: t.connection(
      {
        type: Statement,
        description:
          'Statements that name it, in any role, or only in `role`: `SUBJECT` for what is said of it, `OBJECT` ' +
          'for where it is the value.',
        args: { role: t.arg({ type: StatementRoleKindEnum, description: 'Only statements naming it in this role.' }) },
        resolve: async (entity, args, context) =>
          page(
            args,
            await (args.role
              ? context.loaders.related('statementsByRole').load(roleKey(args.role, entity.id))
              : context.loaders.related('statementsByRef').load(entity.id)),
          ),
      },
      StatementConnection,
    ),
  }),
});

Actor.implement({
  description: 'An entity that can sign, accuse, be accused, respond or speak: a person, a country or an organization.',
  interfaces: () => [builder.nodeInterfaceRef(), Entity],
  resolveType: kindOf,
  fields: (t) => ({
    accusationsMade: t.connection(
      {
        type: Accusation,
        description: 'Accusations it makes, in article order.',
        resolve: pageOfRelated('accusationsByAccuser'),
      },
      AccusationConnection,
    ),
    accusationsFaced: t.connection(
      {
        type: Accusation,
        description: 'Accusations made against it, in article order.',
        resolve: pageOfRelated('accusationsByAccused'),
      },
      AccusationConnection,
    ),
    accusationsAnswered: t.connection(
      {
        type: Accusation,
        description: 'Accusations it responded to (see `Accusation.responses` for its stance), in article order.',
        resolve: pageOfRelated('accusationsByResponder'),
      },
      AccusationConnection,
    ),
    agreements: t.connection(
      {
        type: Agreement,
        description: 'Agreements it is a party to, in article order.',
        resolve: pageOfRelated('agreementsByParty'),
      },
      AgreementConnection,
    ),
    agreementsSigned: t.connection(
      {
        type: Agreement,
        description: 'Agreements it signed in person, in article order.',
        resolve: pageOfRelated('agreementsBySignatory'),
      },
      AgreementConnection,
    ),
    quotes: t.connection(
      {
        type: Quote,
        description: 'Words the articles quote it as saying or writing, in article order.',
        resolve: pageOfRelated('quotesBySpeaker'),
      },
      QuoteConnection,
    ),
    events: t.connection(
      {
        type: Event,
        description: 'Dated events it took part in, in article order.',
        resolve: pageOfRelated('eventsByParticipant'),
      },
      EventConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  entities: t.connection(
    {
      type: Entity,
      description:
        'Every entity of the corpus: people, countries, organizations, places, then items, each in the order of its ' +
        'data file, unless `orderBy` says otherwise.',
      args: {
        kinds: t.arg({ type: [EntityKind], description: 'Only entities of these kinds.', maxItems: MAX_ENUM_LIST }),
        orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const kinds = Object.values(ENTITY_FILES).filter((kind) => !args.kinds || args.kinds.includes(kind));
        const all = kinds.length === 5 ? corpus.allEntities() : kinds.flatMap((kind) => corpus.all(kind));
        return page(args, orderEntities(all, args.orderBy, mentionCount(corpus), kinds.length === 5));
      },
    },
    EntityConnection,
  ),
}));
