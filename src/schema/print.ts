/**
 * Prints the subgraph SDL that a gateway composes: @apollo/subgraph's printer (so `@link` and
 * `@key` survive), with types, fields, arguments, enum values, interfaces and union members in
 * name order, so the output depends on the schema only, not on the order of the code.
 */
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { type ASTNode, type DocumentNode, type GraphQLSchema, Kind, parse, visit } from 'graphql';

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
