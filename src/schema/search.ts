import { MAX_ENUM_LIST } from '../argument-limits.ts';
import { builder } from '../builder.ts';
import type { Sentence } from '../data/evidence.ts';
import type { NodeRecord } from '../data/records.ts';
import { badUserInput } from '../errors.ts';
import { page } from '../pagination.ts';
import { MAX_FUZZY, MAX_QUERY_WORDS, MIN_PREFIX, queryTerms } from '../search/analysis.ts';
import { type SearchField as Field, predicateWords, SEARCH_KINDS, type SearchKind } from '../search/documents.ts';
import { highlights, MAX_HIGHLIGHTS } from '../search/highlight.ts';
import { MAX_HITS } from '../search/limits.ts';
import { Article, HighlightRef, SearchConnection, SearchHitRef } from './refs.ts';
import { Subject } from './roles.ts';

/** The longest search a client may send: some thirty words, not a document (a bound on the work one search asks for). */
const MAX_SEARCH_LENGTH = 500;

const SearchType = builder.enumType('SearchType', {
  description: 'What a search hit can be: a record of one of these types, or a sentence.',
  values: Object.fromEntries(
    SEARCH_KINDS.map((kind) => [
      kind.toUpperCase(),
      { value: kind, description: `${/^[AEIOU]/.test(kind) ? 'An' : 'A'} ${kind}.` },
    ]),
  ) as Record<Uppercase<SearchKind>, { value: SearchKind; description: string }>,
});

const SearchField = builder.enumType('SearchField', {
  description: 'Where in a hit the query matched.',
  values: {
    NAME: {
      value: 'name',
      description:
        "Its name or label: an entity's name, an article's title, an event's or agreement's name, a provision's " +
        "summary, an accusation's act, a quote's words.",
    },
    ALIAS: { value: 'aliases', description: "An entity's aliases, and the descriptions that stand for it." },
    TITLE: { value: 'titles', description: 'The titles the articles give an entity.' },
    EVIDENCE: {
      value: 'evidence',
      description:
        'The words of a passage it cites: its evidence, or that of its roles, responses, dates or quoted words.',
    },
    NOTE: { value: 'notes', description: 'How a date was resolved or inferred.' },
    TEXT: { value: 'text', description: "A sentence's text." },
  } satisfies Record<string, { value: Field; description: string }>,
});

HighlightRef.implement({
  description: 'A word of the text that matched the query, at its offsets (as `Evidence`), for a client to highlight.',
  fields: (t) => ({
    exact: t.exposeString('exact', { description: 'The word, verbatim.' }),
    start: t.exposeInt('start', { description: 'Offset of its first character in the article text.' }),
    end: t.exposeInt('end', { description: 'Offset just past its last character.' }),
    article: t.field({
      type: Article,
      description: 'The article whose text holds it.',
      resolve: (highlight, _args, context) => context.loaders.ref(highlight.article, ['Article']),
    }),
  }),
});

SearchHitRef.implement({
  description: 'A record or sentence that matches a search, with how well and where it matches.',
  fields: (t) => ({
    score: t.exposeFloat('score', {
      description: 'Relevance (BM25, with boosts on names, aliases and titles); higher is better.',
    }),
    subject: t.field({ type: Subject, description: 'The matching record or sentence.', resolve: (hit) => hit.record }),
    label: t.string({
      description:
        "A label to show for it: an entity's name, an article's title, an event's or agreement's name, a " +
        "provision's summary, an accusation's act, a quote's words, a sentence's text.",
      resolve: (hit) => label(hit.record),
    }),
    fields: t.field({
      type: [SearchField],
      description: 'The fields it matched in, names first.',
      resolve: (hit) => hit.fields,
    }),
    words: t.stringList({
      description: 'The words of the query it matched (stop words such as "the" or "by" are never matched).',
      resolve: (hit) => hit.words,
    }),
    matchesAllWords: t.boolean({
      description: 'Whether it matched every word of the query: such hits come before partial ones.',
      resolve: (hit) => hit.complete,
    }),
    highlights: t.field({
      type: [HighlightRef],
      description: `The words of the text it cites that matched, in text order (at most ${MAX_HIGHLIGHTS}); empty when it matched only words the articles do not hold at an offset (a declared name, a label).`,
      resolve: (hit, _args, context) => highlights(hit, context.corpus),
    }),
  }),
});

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'Full-text search across every text the API serves: names, aliases, titles, labels, the words of every ' +
        'passage the records cite, and every sentence. Words are matched by their English stems ("accusations" ' +
        `finds "accused"), as prefixes (words of ${MIN_PREFIX} letters or more) and with slight misspellings (words ` +
        `of up to ${MAX_FUZZY} letters). Hits that match every word come first, best first, then those that match ` +
        `fewer; at most ${MAX_HITS} hits.`,
      args: {
        query: t.arg.string({
          required: true,
          description: `Words to look for, e.g. "drones" or "Pezeshkian"; at most ${MAX_QUERY_WORDS} words besides stop words.`,
          maxLength: MAX_SEARCH_LENGTH,
        }),
        types: t.arg({ type: [SearchType], description: 'Only hits of these types.', maxItems: MAX_ENUM_LIST }),
      },
      resolve: async (_root, args, context) => {
        const words = queryTerms(args.query).length;
        if (words > MAX_QUERY_WORDS) {
          throw badUserInput(
            `Argument "query" may have at most ${MAX_QUERY_WORDS} words besides stop words, got ${words}.`,
            { argumentName: 'query' },
          );
        }
        const hits = words === 0 ? [] : await context.search.search(args.query, args.types);
        return page(args, hits);
      },
    },
    SearchConnection,
  ),
}));

function label(record: NodeRecord | Sentence): string {
  switch (record.kind) {
    case 'Sentence':
      return record.text;
    case 'Article':
      return record.title;
    case 'Provision':
      return record.summary;
    case 'Accusation':
      return record.act;
    case 'Quote':
      return record.words.exact;
    case 'Statement':
      // The words that state it: its predicate alone ("project") would say little.
      return record.evidence[0]?.exact ?? predicateWords(record.predicate);
    default:
      return record.name;
  }
}
