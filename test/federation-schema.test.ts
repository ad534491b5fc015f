/**
 * The subgraph schema: schema.graphql is what a gateway composes, printed from the code with
 * @apollo/subgraph's printer; `_service { sdl }` answers the same schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';
import { printSortedSubgraphSchema, sortSubgraphSdl } from '../src/schema/print.ts';
import { client } from './helpers.ts';

const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

describe('subgraph schema', () => {
  it('schema.graphql is printed from the code (run `npm run schema` after a change)', () => {
    expect(printSortedSubgraphSchema(schema)).toBe(committed);
  });

  it('links Federation v2 and keys every Relay node type by its global ID', () => {
    expect(committed).toMatch(/^extend schema\n {2}@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    const nodeTypes = [...committed.matchAll(/^type (\w+) implements [^\n]*\bNode\b[^\n]*\n(.*)$/gm)];
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
    expect(sortSubgraphSdl(sdl)).toBe(committed);
  });
});
