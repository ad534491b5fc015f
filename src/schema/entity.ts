/**
 * The interfaces shared by entities: `Entity` (anything an article names) and `Actor` (an entity
 * that can sign, accuse, be accused, respond or speak). Their fields resolve once here for every
 * implementing type.
 */
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRecord, Mention } from '../data/records.ts';
import { roleKey } from '../data/relations.ts';
import { type PageArgs, page, pageOfRelated } from '../pagination.ts';
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
  Event,
  EventConnection,
  EvidenceConnection,
  EvidenceRef,
  Quote,
  QuoteConnection,
  Statement,
  StatementConnection,
  TitleConnection,
  TitleRef,
} from './refs.ts';
import { StatementRoleKindEnum } from './statement.ts';

/** A connection over what an entity's mentions hold (titles, surface forms), article by article. */
function pageOfMentions<T>(pick: (mention: Mention) => readonly T[]) {
  return (entity: EntityRecord, args: PageArgs, context: Context) =>
    page(args, context.corpus.mentions(entity.id).flatMap(pick));
}

Entity.implement({
  description: 'Anything an article names: a person, a country, an organization, a place or an item.',
  interfaces: () => [builder.nodeInterfaceRef()],
  resolveType: kindOf,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The usual name, as the articles write it.' }),
    titles: t.connection(
      {
        type: TitleRef,
        description: 'Roles, titles and descriptions the articles give it, each with its evidence.',
        resolve: pageOfMentions((mention) => mention.titles),
      },
      TitleConnection,
    ),
    mentions: t.connection(
      {
        type: EvidenceRef,
        description: 'Words of the articles that name it ("Moscow" for Russia\'s government, "kyiv" for Ukraine).',
        resolve: pageOfMentions((mention) => mention.evidence),
      },
      EvidenceConnection,
    ),
    articles: t.connection(
      {
        type: Article,
        description: 'The articles that mention it.',
        // One mention record per article: page the mentions, then load only the page's articles.
        resolve: (entity, args, context) => {
          const mentions = page(args, context.corpus.mentions(entity.id));
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
        description: 'Quotes whose words are about it.',
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
        description: 'Accusations it makes.',
        resolve: pageOfRelated('accusationsByAccuser'),
      },
      AccusationConnection,
    ),
    accusationsFaced: t.connection(
      {
        type: Accusation,
        description: 'Accusations made against it.',
        resolve: pageOfRelated('accusationsByAccused'),
      },
      AccusationConnection,
    ),
    accusationsAnswered: t.connection(
      {
        type: Accusation,
        description: 'Accusations it responded to (see `Accusation.responses` for its stance).',
        resolve: pageOfRelated('accusationsByResponder'),
      },
      AccusationConnection,
    ),
    agreements: t.connection(
      {
        type: Agreement,
        description: 'Agreements it is a party to.',
        resolve: pageOfRelated('agreementsByParty'),
      },
      AgreementConnection,
    ),
    agreementsSigned: t.connection(
      {
        type: Agreement,
        description: 'Agreements it signed in person.',
        resolve: pageOfRelated('agreementsBySignatory'),
      },
      AgreementConnection,
    ),
    quotes: t.connection(
      {
        type: Quote,
        description: 'Words the articles quote it as saying or writing.',
        resolve: pageOfRelated('quotesBySpeaker'),
      },
      QuoteConnection,
    ),
    events: t.connection(
      {
        type: Event,
        description: 'Dated events it took part in.',
        resolve: pageOfRelated('eventsByParticipant'),
      },
      EventConnection,
    ),
  }),
});
