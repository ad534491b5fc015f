import { builder } from '../builder.ts';
import { page, pageOfRelated } from '../pagination.ts';
import { nodeOptions } from './node.ts';
import { Article, ArticleConnection, Claim, ClaimConnection, Entity, EntityConnection, EvidenceRef } from './refs.ts';

builder.node(Article, {
  ...nodeOptions('Article'),
  description: 'A news article of the corpus: its text, byte for byte, and where it came from.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The headline, verbatim.' }),
    titleEvidence: t.expose('titleEvidence', { type: EvidenceRef, description: 'Where the headline stands.' }),
    publisher: t.string({ description: 'Who published the article.', resolve: (a) => a.publisher.name }),
    publisherEvidence: t.field({
      type: EvidenceRef,
      description: 'Where the text names its publisher.',
      resolve: (a) => a.publisher.evidence,
    }),
    language: t.exposeString('language', { description: 'The language of the text (BCP 47).' }),
    publishedOn: t.string({
      description: 'Publication date (YYYY-MM-DD), inferred from the text; see `publicationDateInference`.',
      resolve: (a) => a.published.date,
    }),
    publicationDateInference: t.string({
      description: 'How the publication date was inferred from the text.',
      resolve: (a) => a.published.inference,
    }),
    publicationDateEvidence: t.field({
      type: [EvidenceRef],
      description: 'The words the publication date was inferred from.',
      resolve: (a) => a.published.evidence,
    }),
    text: t.exposeString('text', { description: 'The full text; every Evidence offset points into it.' }),
    length: t.exposeInt('length', { description: 'Length of `text` in UTF-16 code units.' }),
    sha256: t.exposeString('sha256', {
      description: 'SHA-256 (hex) of the text as UTF-8 bytes: which text the offsets refer to.',
    }),
    entities: t.connection(
      {
        type: Entity,
        description: 'The entities the article mentions, in the order of the data files.',
        resolve: pageOfRelated('entitiesByArticle'),
      },
      EntityConnection,
    ),
    claims: t.connection(
      {
        type: Claim,
        description: 'What the article states: events, agreements, provisions, accusations and quotes.',
        resolve: pageOfRelated('claimsByArticle'),
      },
      ClaimConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: Article,
      description: 'Every article of the corpus, in id order.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Article')),
    },
    ArticleConnection,
  ),
}));
