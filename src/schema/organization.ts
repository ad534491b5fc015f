import { builder } from '../builder.ts';
import { ENTITY_ORDER, EntityOrder, entitiesOfKind, entityBySlug, MAX_SLUG_LENGTH, SLUG } from './arguments.ts';
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
      description: 'Every organization of the corpus, in the order of the data files unless `orderBy` says otherwise.',
      args: { orderBy: t.arg({ type: EntityOrder, description: ENTITY_ORDER }) },
      resolve: entitiesOfKind('Organization'),
    },
    OrganizationConnection,
  ),
  organization: t.field({
    type: Organization,
    nullable: true,
    description: 'The organization with this slug; null when no organization has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG, maxLength: MAX_SLUG_LENGTH }) },
    resolve: entityBySlug('Organization'),
  }),
}));
