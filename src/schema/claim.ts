import { builder } from '../builder.ts';
import type { ClaimRecord } from '../data/corpus.ts';
import { Article } from './article.ts';
import { EvidenceRef } from './evidence.ts';
import { kindOf } from './kinds.ts';

/** What every claim has: the article that states it and the words that state it. */
export const Claim = builder.interfaceRef<ClaimRecord>('Claim');

export const ClaimConnection = builder.connectionObject(
  { type: Claim, name: 'ClaimConnection', description: 'A page of claims.' },
  { name: 'ClaimEdge', description: 'One of a page of claims, with its cursor.' },
);

Claim.implement({
  description: 'Something an article states: an agreement, a provision, an accusation, a quote or a dated event.',
  interfaces: () => [builder.nodeInterfaceRef()],
  resolveType: kindOf,
  fields: (t) => ({
    evidence: t.expose('evidence', {
      type: [EvidenceRef],
      description: 'The words of the article that state the claim.',
    }),
    article: t.field({
      type: Article,
      description: 'The article that states the claim.',
      resolve: (claim, _args, context) => context.loaders.ref(claim.article, ['Article']),
    }),
  }),
});
