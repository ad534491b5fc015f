/**
 * The two printed schemas, each sorted (types, fields, arguments, enum values, interfaces, union
 * members in name order) so the output depends on the schema only, not on the order of the code:
 *
 * - schema.graphql, the client schema: plain GraphQL SDL, what frontends and their tools read
 *   (relay-compiler, graphql-codegen, linters): every type and field a client may ask for, without
 *   Federation's `_service`, `_entities` and their types, and without `@link`/`@key`;
 * - subgraph.graphql, the subgraph SDL a gateway composes: @apollo/subgraph's printer, so `@link`
 *   and `@key` survive, with `_service` and `_entities` left to composition (as `_service { sdl }`).
 */
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import {
  type ASTNode,
  type DocumentNode,
  GraphQLObjectType,
  GraphQLSchema,
  isSpecifiedDirective,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  visit,
} from 'graphql';

/** Federation's own fields and types, which only a gateway uses. */
const isFederation = (name: string) =>
  name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__');

/** The client schema: the schema less what only a gateway uses, in plain SDL. */
export function printClientSchema(schema: GraphQLSchema): string {
  const config = schema.toConfig();
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const queryConfig = query.toConfig();
  const clientQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: Object.fromEntries(Object.entries(queryConfig.fields).filter(([name]) => !isFederation(name))),
  });
  const client = new GraphQLSchema({
    ...config,
    query: clientQuery,
    types: config.types.filter((type) => type !== query && !isFederation(type.name)),
    directives: config.directives.filter(isSpecifiedDirective),
    extensions: {},
    astNode: undefined,
    extensionASTNodes: [],
  });
  return `${printSchema(lexicographicSortSchema(client))}\n`;
}

/** The subgraph SDL a gateway composes. */

export function printSortedSubgraphSchema(schema: GraphQLSchema): string {
  return sortSubgraphSdl(printSubgraphSchema(schema));
}

/** Sorts a subgraph SDL (e.g. the one `_service { sdl }` answers) and prints it again. */
export function sortSubgraphSdl(sdl: string): string {
  const sorted = sortDocument(parse(sdl));
  return `${printSubgraphSchema(buildSubgraphSchema(sorted)).trim()}\n`;
}

const byName = <T extends { name: { value: string } }>(nodes: readonly T[] | undefined): T[] | undefined =>
  nodes && [...nodes].sort((a, b) => compare(a.name.value, b.name.value));

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortDocument(document: DocumentNode): DocumentNode {
  const sorted = visit(document, {
    enter(node: ASTNode) {
      switch (node.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_EXTENSION:
          return { ...node, fields: byName(node.fields), interfaces: byName(node.interfaces) };
        case Kind.INPUT_OBJECT_TYPE_DEFINITION:
          return { ...node, fields: byName(node.fields) };
        case Kind.FIELD_DEFINITION:
          return { ...node, arguments: byName(node.arguments) };
        case Kind.ENUM_TYPE_DEFINITION:
          return { ...node, values: byName(node.values) };
        case Kind.UNION_TYPE_DEFINITION:
          return { ...node, types: byName(node.types) };
        default:
          return undefined;
      }
    },
  });
  const name = (definition: DocumentNode['definitions'][number]): string =>
    'name' in definition && definition.name ? definition.name.value : '';
  return { ...sorted, definitions: [...sorted.definitions].sort((a, b) => compare(name(a), name(b))) };
}
