import { builder } from '../builder.ts';
import { kindOf } from './node.ts';
import { Article, Claim, EvidenceRef } from './refs.ts';

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
