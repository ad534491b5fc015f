import { builder } from '../builder.ts';
import { page } from '../pagination.ts';
import { SearchConnection, SearchHitRef } from './refs.ts';
import { Subject } from './roles.ts';

/** The longest search a client may send: a phrase, not a document. */
export const MAX_SEARCH_LENGTH = 200;

SearchHitRef.implement({
  description: 'A record that matches a search, with how well it matches.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Relevance (BM25 with boosts on names); higher is better.' }),
    subject: t.field({ type: Subject, description: 'The matching record.', resolve: (hit) => hit.record }),
  }),
});

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'Full-text search across names, titles, quoted words and the words of every claim. Every word must ' +
        'match (prefix and slight misspellings allowed); best matches first.',
      args: {
        query: t.arg.string({
          required: true,
          description: 'Words to look for, e.g. "drones" or "Pezeshkian".',
          maxLength: MAX_SEARCH_LENGTH,
        }),
      },
      resolve: async (_root, args, context) => page(args, await context.search.search(args.query)),
    },
    SearchConnection,
  ),
}));
