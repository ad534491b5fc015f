import { builder } from '../builder.ts';
import { ACTOR_KINDS, NODE_KINDS } from '../data/records.ts';
import { matching, page } from '../pagination.ts';
import { CLAIM_ORDER, ClaimOrder, filterId, orderClaims, takesIdOf } from './arguments.ts';
import { nodeOptions } from './node.ts';
import {
  Actor,
  Claim,
  Event,
  EvidenceRef,
  Organization,
  Quote,
  QuoteConnection,
  Statement,
  SubjectRole,
} from './refs.ts';

const QuoteForm = builder.enumType('QuoteForm', {
  description: 'How much of what was said the article quotes.',
  values: {
    FULL_SENTENCE: { description: 'A whole sentence.' },
    FRAGMENT: { description: "A few words inside the article's own sentence." },
  } as const,
});

const QuoteChannel = builder.enumType('QuoteChannel', {
  description: 'How the words reached the article.',
  values: {
    PRESS_CONFERENCE: { description: 'Said at a press conference.' },
    NEWS_AGENCY_ARTICLE: { description: 'Written in an article published by a news agency.' },
    QUOTED_BY_MEDIA: { description: 'Quoted by other media.' },
    TRANSLATION: { description: 'A translation of the remarks, not the original words.' },
    UNSPECIFIED: { description: 'The article does not say.' },
  } as const,
});

builder.node(Quote, {
  ...nodeOptions('Quote'),
  description: 'Words the article quotes someone as saying or writing, placed exactly in the text.',
  interfaces: () => [Claim],
  fields: (t) => ({
    text: t.string({
      description: 'The quoted words, verbatim, without quotation marks.',
      resolve: (q) => q.words.exact,
    }),
    words: t.expose('words', { type: EvidenceRef, description: 'Where the quoted words stand in the article.' }),
    speaker: t.field({
      type: Actor,
      description: 'Who said or wrote the words.',
      resolve: (quote, _args, context) => context.loaders.ref(quote.speaker.ref, ACTOR_KINDS),
    }),
    speakerEvidence: t.field({
      type: [EvidenceRef],
      description: 'The words that attribute the quote to the speaker.',
      resolve: (quote) => quote.speaker.evidence,
    }),
    form: t.expose('form', { type: QuoteForm, description: 'A full sentence or a fragment.' }),
    channel: t.field({
      type: QuoteChannel,
      description: 'How the words reached the article.',
      resolve: (q) => q.channel.kind,
    }),
    outlet: t.field({
      type: Organization,
      nullable: true,
      description: 'The outlet that published the words, where named.',
      resolve: (quote, _args, context) =>
        quote.channel.via ? context.loaders.ref(quote.channel.via, ['Organization']) : null,
    }),
    channelEvidence: t.field({
      type: [EvidenceRef],
      description: 'The words that say how the quote reached the article; empty when unspecified.',
      resolve: (quote) => quote.channel.evidence,
    }),
    about: t.expose('about', { type: [SubjectRole], description: 'What the words are about.' }),
    event: t.field({
      type: Event,
      nullable: true,
      description: 'The event at which the words were said or written, where the article ties them to one.',
      resolve: (quote, _args, context) => (quote.event ? context.loaders.ref(quote.event, ['Event']) : null),
    }),
    statements: t.field({
      type: [Statement],
      description:
        'The statements its words make (Araghchi\'s "creating a military alliance": that the treaty is not).',
      resolve: (quote, _args, context) => context.loaders.related('statementsByQuote').load(quote.id),
    }),
  }),
});

builder.queryFields((t) => ({
  quotes: t.connection(
    {
      type: Quote,
      description:
        'Quotes, in article order (where their words stand) unless `orderBy` says otherwise, optionally filtered; ' +
        'filters combine with AND.',
      args: {
        speaker: t.arg.globalID({ description: takesIdOf(ACTOR_KINDS, 'Only words of this speaker.') }),
        about: t.arg.globalID({
          description: takesIdOf(NODE_KINDS, 'Only quotes about this entity, claim, event or article.'),
        }),
        channel: t.arg({ type: QuoteChannel, description: 'Only quotes that reached the article this way.' }),
        form: t.arg({ type: QuoteForm, description: 'Only full sentences, or only fragments.' }),
        orderBy: t.arg({ type: ClaimOrder, description: CLAIM_ORDER }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const speaker = filterId(corpus, 'speaker', args.speaker, ACTOR_KINDS);
        const about = filterId(corpus, 'about', args.about, NODE_KINDS);
        const filters = [
          speaker ? corpus.related('quotesBySpeaker', speaker) : null,
          about ? corpus.related('quotesByTopic', about) : null,
          args.channel ? corpus.related('quotesByChannel', args.channel) : null,
          args.form ? corpus.related('quotesByForm', args.form) : null,
        ];
        const quotes = matching(corpus.all('Quote'), filters);
        return page(
          args,
          orderClaims(
            quotes,
            args.orderBy,
            filters.every((f) => f === null),
          ),
        );
      },
    },
    QuoteConnection,
  ),
}));
