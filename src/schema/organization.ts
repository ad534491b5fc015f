import { builder } from '../builder.ts';
import type { OrganizationRecord } from '../data/corpus.ts';
import { Actor, Entity } from './entity.ts';
import { nodeOptions } from './kinds.ts';
import { page } from './page.ts';

export const Organization = builder.objectRef<OrganizationRecord>('Organization');

export const OrganizationConnection = builder.connectionObject(
  { type: Organization, name: 'OrganizationConnection', description: 'A page of organizations.' },
  { name: 'OrganizationEdge', description: 'One of a page of organizations, with its cursor.' },
);

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
