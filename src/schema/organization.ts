import { builder } from '../builder.ts';
import { page } from '../pagination.ts';
import { nodeOptions } from './node.ts';
import { Actor, Entity, Organization, OrganizationConnection } from './refs.ts';

builder.node(Organization, {
  ...nodeOptions('Organization'),
  description: 'An organization, bloc or group ("the West", a news agency, a summit group).',
  interfaces: () => [Entity, Actor],
  fields: () => ({}),
});

builder.queryFields((t) => ({
  organizations: t.connection(
    {
      type: Organization,
      description: 'Every organization of the corpus, in the order of the data files.',
      resolve: (_root, args, context) => page(args, context.corpus.all('Organization')),
    },
    OrganizationConnection,
  ),
}));
