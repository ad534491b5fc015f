/**
 * The sentences of an article as first-class objects: each a Relay node, with the mentions inside
 * it and the claims whose evidence lies in it.
 */
import { builder } from '../builder.ts';
import type { Sentence } from '../data/evidence.ts';
import { page } from '../pagination.ts';
import { CLAIM_ORDER, ClaimOrder, orderClaims } from './arguments.ts';
import { isKind } from './node.ts';
import { Article, Claim, ClaimConnection, MentionRef, SentenceRef } from './refs.ts';

/** A sentence's local id: its article's id and its index, "a16048bde2f63942:12". */
const sentenceId = (sentence: Sentence) => `${sentence.article}:${sentence.index}`;

/** The sentence a local id names, or null. */
export function sentenceOf(
  corpus: { sentence(article: string, index: number): Sentence | undefined },
  id: string,
): Sentence | null {
  const at = id.lastIndexOf(':');
  const index = Number(id.slice(at + 1));
  if (at < 0 || !/^\d+$/.test(id.slice(at + 1)) || !Number.isSafeInteger(index)) return null;
  return corpus.sentence(id.slice(0, at), index) ?? null;
}

builder.node(SentenceRef, {
  description:
    'A sentence or heading of an article, as Unicode sentence segmentation (`Intl.Segmenter`) finds it. Its ID ' +
    'stands for its article and its index, and stays the same as long as the text does.',
  id: { resolve: sentenceId },
  loadManyWithoutCache: (ids: string[], context) => ids.map((id) => sentenceOf(context.corpus, id)),
  isTypeOf: isKind('Sentence'),
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the sentence in the article, from 0.' }),
    start: t.exposeInt('start', { description: 'Offset of its first character in the article text.' }),
    end: t.exposeInt('end', { description: 'Offset just past its last character.' }),
    text: t.exposeString('text', { description: 'The sentence, verbatim, without surrounding white space.' }),
    article: t.field({
      type: Article,
      description: 'The article it belongs to.',
      resolve: (sentence, _args, context) => context.loaders.ref(sentence.article, ['Article']),
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'Every mention of an entity that starts in it, in text order.',
      resolve: (sentence, _args, context) =>
        context.corpus.mentionsBetween(sentence.article, sentence.start, sentence.end),
    }),
    claims: t.connection(
      {
        type: Claim,
        description:
          'The claims whose evidence lies in it, in article order: a claim lies in every sentence that one of its ' +
          'passages overlaps (its own evidence, or the words of one of its roles, responses, dates or quoted words).',
        args: { orderBy: t.arg({ type: ClaimOrder, description: CLAIM_ORDER }) },
        resolve: (sentence, args, context) =>
          page(args, orderClaims(context.corpus.claimsInSentence(sentence), args.orderBy, false)),
      },
      ClaimConnection,
    ),
  }),
});
