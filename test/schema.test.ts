import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type GraphQLNamedType, isInterfaceType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const root = new URL('..', import.meta.url);
  const files = readdirSync(new URL('src/schema/', root)).filter((file) => file.endsWith('.ts'));
  const printed = readFileSync(new URL('subgraph.graphql', root), 'utf8');
  /** src/ compiled file by file (no bundle: the modules and their import order stay the sources'). */
  let compiled: string;

  beforeAll(async () => {
    // Inside node_modules/.cache, so that the compiled files resolve the project's packages.
    const cache = fileURLToPath(new URL('node_modules/.cache/', root));
    mkdirSync(cache, { recursive: true });
    compiled = mkdtempSync(join(cache, 'claimgraph-schema-order-'));
    const project = join(compiled, 'tsconfig.json');
    const base = relative(compiled, fileURLToPath(root));
    writeFileSync(
      project,
      JSON.stringify({
        extends: join(base, 'tsconfig.json'),
        include: [join(base, 'src')],
        compilerOptions: {
          noEmit: false,
          noCheck: true,
          rewriteRelativeImportExtensions: true,
          rootDir: base,
          outDir: '.',
        },
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await run(process.execPath, [tsc, '--project', project], { cwd: root });
  }, 120_000);
  afterAll(() => rmSync(compiled, { recursive: true, force: true }));

  // Each in a fresh process: a module evaluated earlier by another test would hide the fault.
  it.concurrent.for(files)(
    'build the whole schema when %s is imported first',
    { timeout: 60_000 },
    async (file, { expect }) => {
      const at = (path: string) => JSON.stringify(pathToFileURL(join(compiled, path)).href);
      const script = `
      await import(${at(`src/schema/${file.replace(/\.ts$/, '.js')}`)});
      const { schema } = await import(${at('src/schema/index.js')});
      const { printSortedSubgraphSchema } = await import(${at('src/schema/print.js')});
      process.stdout.write(printSortedSubgraphSchema(schema));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
      expect(stdout).toBe(printed);
    },
  );
});
