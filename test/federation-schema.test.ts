/**
 * The two printed schemas: subgraph.graphql is what a gateway composes, printed from the code with
 * @apollo/subgraph's printer, and `_service { sdl }` answers the same; schema.graphql is the client
 * schema frontends read, plain SDL that graphql-js builds alone: the same types and fields less
 * Federation's. test/frontend-tools.test.ts runs the frontend tools on it.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';
import { printClientSchema, printSortedSubgraphSchema, sortSubgraphSdl } from '../src/schema/print.ts';
import { client } from './helpers.ts';

const subgraph = readFileSync(new URL('../subgraph.graphql', import.meta.url), 'utf8');
const clientSdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Every `Type.field(arguments): type` of a schema, and every member of its unions and interfaces. */
function shape(of: ReturnType<typeof buildSchema>): string[] {
  return Object.values(of.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => {
      if (!isObjectType(type) && !isInterfaceType(type)) return [type.name];
      const fields = Object.values(type.getFields()).map(
        (field) => `${type.name}.${field.name}(${field.args.map((arg) => `${arg.name}: ${arg.type}`)}): ${field.type}`,
      );
      return [`${type.name} implements ${type.getInterfaces().map(String)}`, ...fields];
    })
    .sort();
}

describe('subgraph schema', () => {
  it('subgraph.graphql is printed from the code (run `npm run schema` after a change)', () => {
    expect(printSortedSubgraphSchema(schema)).toBe(subgraph);
  });

  it('links Federation v2 and keys every Relay node type by its global ID', () => {
    expect(subgraph).toMatch(/^extend schema\n {2}@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    const nodeTypes = [...subgraph.matchAll(/^type (\w+) implements [^\n]*\bNode\b[^\n]*\n(.*)$/gm)];
    expect(nodeTypes.map(([, name]) => name)).toEqual([
      'Accusation',
      'Agreement',
      'Article',
      'Country',
      'Event',
      'Item',
      'Organization',
      'Person',
      'Place',
      'Provision',
      'Quote',
      'Sentence',
      'Statement',
    ]);
    for (const [, , directives] of nodeTypes) expect(directives).toBe('  @key(fields: "id")');
  });

  it('answers the same schema from `_service { sdl }`', async () => {
    const result = await client().run<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = result.data?._service.sdl ?? '';
    expect(sdl).toContain('@key(fields: "id")');
    expect(sortSubgraphSdl(sdl)).toBe(subgraph);
  });
});

describe('client schema', () => {
  it('schema.graphql is printed from the code (run `npm run schema` after a change)', () => {
    expect(printClientSchema(schema)).toBe(clientSdl);
  });

  it('is plain SDL: graphql-js builds it alone, with no Federation directive, field or type', () => {
    const built = buildSchema(clientSdl);
    expect(clientSdl).not.toMatch(/@link|@key|_service|_entities|_Any|_Entity|_Service|^extend /m);
    expect(built.getDirectives().map((directive) => directive.name)).toEqual([
      'include',
      'skip',
      'deprecated',
      'specifiedBy',
      'oneOf',
    ]);
  });

  it('has every type, field and argument the server serves, but Federation’s', () => {
    const federation = /^(_|Query\._)/;
    expect(shape(buildSchema(clientSdl))).toEqual(shape(schema).filter((entry) => !federation.test(entry)));
    expect(shape(schema).filter((entry) => federation.test(entry))).toEqual([
      'Query._entities(representations: [_Any!]!): [_Entity]!',
      'Query._service(): _Service!',
      '_Any',
      '_Entity',
      '_Service implements ',
      '_Service.sdl(): String',
    ]);
  });
});
