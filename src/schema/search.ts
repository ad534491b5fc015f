import { builder } from '../builder.ts';
import type { SearchHit } from '../data/search.ts';
import { page } from './page.ts';
import { Subject } from './roles.ts';

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit');

SearchHitRef.implement({
  description: 'A record that matches a search, with how well it matches.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Relevance (BM25 with boosts on names); higher is better.' }),
    subject: t.field({ type: Subject, description: 'The matching record.', resolve: (hit) => hit.record }),
  }),
});

const SearchConnection = builder.connectionObject(
  { type: SearchHitRef, name: 'SearchConnection', description: 'A page of search results, best first.' },
  { name: 'SearchEdge', description: 'One search result, with its cursor.' },
);

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'Full-text search across names, titles, quoted words and the words of every claim. Every word must ' +
        'match (prefix and slight misspellings allowed); best matches first.',
      args: {
        query: t.arg.string({ required: true, description: 'Words to look for, e.g. "drones" or "Pezeshkian".' }),
      },
      resolve: async (_root, args, context) => page(args, await context.corpus.search(args.query)),
    },
    SearchConnection,
  ),
}));
