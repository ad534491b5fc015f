/**
 * The schema builder and its plugins. Types live in src/schema/, one file each; only
 * src/schema/index.ts turns the builder into a schema.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import { type GraphQLResolveInfo, isObjectType } from 'graphql';
import { ArgumentLimitsPlugin, MAX_CURSOR_LENGTH, MAX_GLOBAL_ID_LENGTH } from './argument-limits.ts';
import type { Context } from './context.ts';
import { CONNECTION_ITEM_COST, FREE, fieldCost, MAX_NODE_IDS, nodesCost } from './cost.ts';
import { badUserInput } from './errors.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Connection: { totalCount: number };
}>({
  plugins: [RelayPlugin, ComplexityPlugin, DirectivePlugin, FederationPlugin, ArgumentLimitsPlugin],
  defaultFieldNullability: false,
  // Only the cost model lives here; src/plugins/limits.ts enforces the budget, per request.
  complexity: { fieldComplexity: fieldCost, disabled: true },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global ID, refetchable with `node(id:)`.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands in the whole list.' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; null when no object has that ID.',
      args: {
        id: { description: 'The global ID to fetch, as an `id` field gives it.', maxLength: MAX_GLOBAL_ID_LENGTH },
      },
      resolve: (_root, { id }, _context, info, resolveNode) => resolveNode(ofNodeType(id, 'id', info)),
    },
    nodesQueryOptions: {
      description: 'Fetches objects by global IDs, in order; null for each unknown ID.',
      args: {
        ids: {
          description: 'The global IDs to fetch, as `id` fields give them.',
          maxItems: MAX_NODE_IDS,
          maxLength: MAX_GLOBAL_ID_LENGTH,
        },
      },
      complexity: nodesCost,
      // More than MAX_NODE_IDS is refused before execution (src/argument-limits.ts).
      resolve: (_root, { ids }, _context, info, resolveNodes) =>
        resolveNodes(ids.map((id) => ofNodeType(id, 'ids', info))),
    },
    idFieldOptions: { description: 'Global ID: opaque, stable across restarts, accepted by `node(id:)`.' },
    edgesFieldOptions: {
      description: 'The edges of this page, each with its cursor.',
      complexity: CONNECTION_ITEM_COST,
    },
    pageInfoFieldOptions: { description: 'Pagination information for this page.', complexity: FREE },
    cursorFieldOptions: { description: 'An opaque cursor for `after`/`before`.' },
    nodeFieldOptions: { description: 'The object at the end of the edge.', complexity: FREE },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first edge of this page.' },
    endCursorFieldOptions: { description: 'The cursor of the last edge of this page.' },
    firstArgOptions: { description: 'Returns the first n items (at most 100).' },
    lastArgOptions: { description: 'Returns the last n items (at most 100).' },
    afterArgOptions: { description: 'Returns the items after this cursor.', maxLength: MAX_CURSOR_LENGTH },
    beforeArgOptions: { description: 'Returns the items before this cursor.', maxLength: MAX_CURSOR_LENGTH },
    nodesOnConnection: { description: 'The objects of this page, without cursors.', complexity: CONNECTION_ITEM_COST },
  },
});

/**
 * A decoded global ID whose type has global IDs. One that names another type ("Foo:1", or a type
 * without IDs such as "Evidence:1") is no ID this API hands out: the client's mistake, answered as
 * BAD_USER_INPUT rather than with Pothos's own internal error.
 */
function ofNodeType<T extends { typename: string }>(id: T, argumentName: string, info: GraphQLResolveInfo): T {
  const type = info.schema.getType(id.typename);
  if (isObjectType(type) && type.getInterfaces().some((node) => node.name === 'Node')) return id;
  throw badUserInput(
    `Argument "${argumentName}" holds a global ID of type "${id.typename}", which has no objects with global IDs.`,
    { argumentName },
  );
}

builder.queryType({ description: 'The entry points into the graph of articles, entities and claims.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list holds, across all pages.',
    resolve: (parent) => parent.totalCount,
  }),
);
