import { builder } from '../builder.ts';
import type { Corpus } from '../data/corpus.ts';
import { evidenceOf } from '../data/passages.ts';
import type { ClaimRecord } from '../data/records.ts';
import { badUserInput } from '../errors.ts';
import { page } from '../pagination.ts';
import {
  CLAIM_ORDER,
  ClaimOrder,
  checkedSpan,
  ENTITY_ORDER,
  EntityOrder,
  orderClaims,
  orderEntities,
  TextSpan,
} from './arguments.ts';
import { nodeOptions } from './node.ts';
import {
  Article,
  ArticleConnection,
  Claim,
  ClaimConnection,
  Entity,
  EntityConnection,
  EvidenceRef,
  SentenceConnection,
  SentenceRef,
} from './refs.ts';
import { sentenceOf } from './sentence.ts';

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
        description:
          'The entities the article mentions, in the order of the data files unless `orderBy` says otherwise ' +
          '(MENTION_COUNT counts the mentions in this article).',
        args: {
          orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }),
        },
        resolve: async (article, args, context) => {
          const entities = await context.loaders.related('entitiesByArticle').load(article.id);
          // An entity's entry for this article: one among the few articles that mention it.
          const count = (entity: { id: string }) =>
            context.corpus.inArticles(entity.id).find((entry) => entry.article === article.id)?.mentionCount ?? 0;
          return page(args, orderEntities(entities, args.orderBy, count, false));
        },
      },
      EntityConnection,
    ),
    claims: t.connection(
      {
        type: Claim,
        description:
          'What the article states (events, agreements, provisions, accusations and quotes), in article order; ' +
          'filters combine with AND.',
        args: {
          sentence: t.arg.globalID({
            description:
              'Only the claims that lie in this sentence of the article (as `Sentence.claims`): the `id` of a ' +
              'Sentence, from `Article.sentences` or `Evidence.sentence`.',
          }),
          overlapping: t.arg({
            type: TextSpan,
            description:
              'Only the claims with a passage overlapping this span of the text: their own evidence, or the words ' +
              'of one of their roles, responses, dates or quoted words.',
          }),
          orderBy: t.arg({ type: ClaimOrder, description: CLAIM_ORDER }),
        },
        resolve: async (article, args, context) => {
          let claims = args.sentence
            ? inSentence(context.corpus, article.id, args.sentence)
            : await context.loaders.related('claimsByArticle').load(article.id);
          if (args.overlapping) {
            const { start, end } = checkedSpan(args.overlapping, 'overlapping');
            claims = claims.filter((claim) => evidenceOf(claim).some((e) => e.start < end && start < e.end));
          }
          return page(args, orderClaims(claims, args.orderBy, false));
        },
      },
      ClaimConnection,
    ),
    sentences: t.connection(
      {
        type: SentenceRef,
        description: 'The sentences and headings of the text, in text order.',
        args: {
          containing: t.arg.string({
            description: 'Only sentences whose text contains these characters, ignoring case: "Accusations rejected".',
            maxLength: 200,
          }),
        },
        resolve: (article, args, context) => {
          const sentences = context.corpus.text(article.id)?.sentences ?? [];
          const needle = args.containing?.toLowerCase();
          return page(args, needle ? sentences.filter((s) => s.text.toLowerCase().includes(needle)) : sentences);
        },
      },
      SentenceConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: Article,
      description: 'Every article of the corpus, in the order of their folder names under data/articles/.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Article')),
    },
    ArticleConnection,
  ),
}));

/** The claims of the article that lie in the sentence a `sentence:` argument names, in article order. */
function inSentence(corpus: Corpus, article: string, id: { typename: string; id: string }): readonly ClaimRecord[] {
  const sentence = id.typename === 'Sentence' ? sentenceOf(corpus, id.id) : null;
  if (!sentence || sentence.article !== article) {
    throw badUserInput('Argument "sentence" takes the ID of a Sentence of this article (`Article.sentences`).', {
      argumentName: 'sentence',
    });
  }
  return corpus.claimsInSentence(sentence);
}
