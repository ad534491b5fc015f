import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { type GraphQLNamedType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

const run = promisify(execFile);

/** Types that GraphQL, Federation and the link spec define, not claimgraph. */
const foreign = (name: string) => name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__');

describe('the schema', () => {
  it('describes every type and every field: the printed SDL is the documentation', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
      if (foreign(type.name) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!foreign(field.name) && !field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('the type files', () => {
  const dir = new URL('../src/schema/', import.meta.url);
  const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));
  const printed = readFileSync(new URL('../subgraph.graphql', import.meta.url), 'utf8');

  // Each in a fresh process: a module evaluated earlier by another test would hide the fault.
  it.concurrent.for(files)('build the whole schema when %s is imported first', async (file, { expect }) => {
    const script = `
      await import('./src/schema/${file}');
      const { schema } = await import('./src/schema/index.ts');
      const { printSortedSubgraphSchema } = await import('./src/schema/print.ts');
      process.stdout.write(printSortedSubgraphSchema(schema));`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url),
    });
    expect(stdout).toBe(printed);
  });
});
