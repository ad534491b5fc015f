import { builder } from '../builder.ts';
import { NODE_KINDS } from '../data/records.ts';
import { ANY_KIND } from '../data/relations.ts';
import { matching, page } from '../pagination.ts';
import { filterId, takesIdOf } from './arguments.ts';
import { kindOf } from './node.ts';
import { Article, Claim, ClaimConnection, EvidenceRef } from './refs.ts';
import { Predicate } from './statement.ts';

Claim.implement({
  description:
    'Something an article states: an agreement, a provision, an accusation, a quote, a dated event or a statement.',
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

const ClaimKind = builder.enumType('ClaimKind', {
  description: 'The kinds of claim, one per type that implements `Claim`.',
  values: {
    EVENT: { value: 'Event', description: 'A dated event.' },
    AGREEMENT: { value: 'Agreement', description: 'An agreement.' },
    PROVISION: { value: 'Provision', description: 'A provision of an agreement.' },
    ACCUSATION: { value: 'Accusation', description: 'An accusation.' },
    QUOTE: { value: 'Quote', description: 'A quote.' },
    STATEMENT: { value: 'Statement', description: 'A statement.' },
  } as const,
});

builder.queryFields((t) => ({
  claims: t.connection(
    {
      type: Claim,
      description: 'Claims of every kind, article by article, optionally filtered; filters combine with AND.',
      args: {
        kind: t.arg({ type: ClaimKind, description: 'Only claims of this kind.' }),
        predicate: t.arg({ type: Predicate, description: 'Only statements of this predicate.' }),
        involving: t.arg.globalID({
          description: takesIdOf(
            NODE_KINDS,
            'Only claims that name this record (an actor, a place, an item, a claim) in any role or link.',
          ),
        }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const involving = filterId(corpus, 'involving', args.involving, NODE_KINDS);
        return page(
          args,
          matching(corpus.related('claimsByKind', ANY_KIND), [
            args.kind ? corpus.related('claimsByKind', args.kind) : null,
            args.predicate ? corpus.related('statementsByPredicate', args.predicate) : null,
            involving ? corpus.related('claimsByRef', involving) : null,
          ]),
        );
      },
    },
    ClaimConnection,
  ),
}));
