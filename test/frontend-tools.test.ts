/**
 * The client schema, schema.graphql, as frontend tools read it, each run as its users run it, in
 * its own process: relay-compiler (the npm package's own binary, its default config) on the Relay
 * documents of examples/relay/; graphql-schema-linter with its default rules; @graphql-eslint's
 * schema and operation rules. The Node tools run with no federation package loadable
 * (test/tools/no-federation.cjs). Then relay-runtime fetches Relay's documents from a live server,
 * pages included, through the environment of examples/relay/environment.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  type ConcreteRequest,
  createOperationDescriptor,
  fetchQuery,
  getSelector,
  type OperationType,
  type SingularReaderSelector,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agreementsQuery from '../examples/relay/__generated__/AgreementsBindingRussiaQuery.graphql.ts';
import droneAccusationsQuery from '../examples/relay/__generated__/DroneAccusationsQuery.graphql.ts';
import personFragment from '../examples/relay/__generated__/PezeshkianQuotes_person.graphql.ts';
import paginationQuery from '../examples/relay/__generated__/PezeshkianQuotesPaginationQuery.graphql.ts';
import quotesQuery from '../examples/relay/__generated__/PezeshkianQuotesQuery.graphql.ts';
import { createEnvironment } from '../examples/relay/environment.ts';
import { serve, type TestServer } from './http.ts';

const run = promisify(execFile);
/** A tool starts a process and reads the schema: seconds each, more on a busy machine. */
const TOOL = { timeout: 90_000 };
const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
const noFederation = join(root, 'test/tools/no-federation.cjs');

/** The command a package installs (its `bin`), as npx would run it. */
function bin(name: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin: entry } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof entry === 'string' ? entry : (entry[name] as string));
}

/** Runs a Node tool's entry point with no federation package loadable, for at most a minute; never throws. */
async function tool(script: string, args: string[], cwd = root) {
  const result = await run(process.execPath, ['--require', noFederation, script, ...args], {
    cwd,
    timeout: 60_000,
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  return { code: 'code' in result ? result.code : 0, stdout: result.stdout, stderr: result.stderr };
}

describe('no federation package in the tools’ processes', () => {
  it('require and import of @apollo/* both fail under test/tools/no-federation.cjs', async () => {
    const required = await run(process.execPath, ['--require', noFederation, '-e', "require('@apollo/subgraph')"], {
      timeout: 30_000,
    }).catch((error: Error) => error);
    expect(String(required)).toMatch(/no federation package in this process/);
    const imported = await run(
      process.execPath,
      ['--require', noFederation, '--input-type=module', '-e', "await import('@apollo/subgraph')"],
      { timeout: 30_000 },
    ).catch((error: Error) => error);
    expect(String(imported)).toMatch(/no federation package in this process/);
  });
});

describe('relay-compiler', TOOL, () => {
  const relayDir = join(root, 'examples/relay');

  it('ships a linux-x64 binary in its npm package that runs here', async () => {
    const binary = require('relay-compiler') as string | null;
    expect(binary).toMatch(/linux-x64\/relay$/);
    expect(existsSync(binary as string)).toBe(true);
    const { stdout } = await run(binary as string, ['--version'], { timeout: 30_000 });
    expect(stdout).toMatch(/^Relay Compiler 21\./);
  });

  it('compiles examples/relay/ on schema.graphql with its default config, and its artifacts are current', async () => {
    // --validate compiles everything and fails on any error or on an artifact that would change.
    const result = await tool(bin('relay-compiler'), ['--validate'], relayDir);
    expect(result.stderr + result.stdout).not.toMatch(/ERROR|panicked/);
    expect(result.code).toBe(0);
    const config = JSON.parse(readFileSync(join(relayDir, 'relay.config.json'), 'utf8'));
    expect(config).toEqual({ src: '.', schema: '../../schema.graphql', language: 'typescript' });
  });

  it('asks the questions of examples/operations/, with the same selections', () => {
    const relay = (file: string) =>
      [...readFileSync(join(relayDir, file), 'utf8').matchAll(/graphql`([\s\S]*?)`/g)].map(([, text]) =>
        parse(text ?? ''),
      );
    const example = (name: string) => parse(readFileSync(join(root, `examples/operations/${name}.graphql`), 'utf8'));
    /** The selection under a path of fields, looking into inline fragments on the way. */
    const under = (document: DocumentNode | undefined, path: string[]): string | undefined => {
      const definition = document?.definitions[0] as OperationDefinitionNode | FragmentDefinitionNode | undefined;
      let set: SelectionSetNode | undefined = definition?.selectionSet;
      for (const name of path) {
        const fields = (selections: readonly SelectionNode[]): FieldNode[] =>
          selections.flatMap((selection) =>
            selection.kind === Kind.FIELD
              ? [selection]
              : selection.kind === Kind.INLINE_FRAGMENT
                ? fields(selection.selectionSet.selections)
                : [],
          );
        set = fields(set?.selections ?? []).find((field) => field.name.value === name)?.selectionSet;
      }
      return set && print(set);
    };
    for (const name of ['DroneAccusations', 'AgreementsBindingRussia']) {
      expect(under(relay(`${name}.ts`)[0], [])).toBe(under(example(name), []));
    }
    // The quotes: under the person found by search in the example; in the fragment, as the edges
    // of a @connection, in Relay.
    const [, fragment] = relay('PezeshkianQuotes.ts');
    const quotes = under(example('PezeshkianQuotes'), ['search', 'nodes', 'subject', 'quotes', 'nodes']);
    expect(quotes).toContain('words');
    expect(under(fragment, ['quotes', 'edges', 'node'])).toBe(quotes);
  });

  it('writes the refetch query of the @refetchable fragment and the metadata of its @connection', () => {
    expect(personFragment.metadata?.refetch).toMatchObject({
      operation: paginationQuery,
      fragmentPathInResult: ['node'],
    });
    expect(personFragment.metadata?.connection).toEqual([
      { count: 'count', cursor: 'cursor', direction: 'forward', path: ['quotes'] },
    ]);
    expect(paginationQuery.params.text).toMatch(/node\(id: \$id\)/);
  });

  it('fails on a schema a tool cannot read: the subgraph SDL, which opens with `extend schema @link`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-relay-'));
    try {
      writeFileSync(join(dir, 'schema.graphql'), readFileSync(join(root, 'subgraph.graphql')));
      writeFileSync(
        join(dir, 'relay.config.json'),
        JSON.stringify({ src: '.', schema: './schema.graphql', language: 'typescript' }),
      );
      writeFileSync(join(dir, 'Typename.ts'), 'graphql`query TypenameQuery { __typename }`;\n');
      const result = await tool(bin('relay-compiler'), [], dir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/SchemaExtension not implemented/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('graphql-schema-linter, default rules', TOOL, () => {
  const cli = bin('graphql-schema-linter');

  it('finds nothing in schema.graphql', async () => {
    const result = await tool(cli, ['--format', 'json', 'schema.graphql']);
    expect(JSON.parse(result.stdout)).toEqual({ errors: [] });
    expect(result.code).toBe(0);
  });

  it('runs its rules: a field without a description in a copy is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-linter-'));
    try {
      const schema = readFileSync(join(root, 'schema.graphql'), 'utf8');
      const undocumented = schema.replace('  """Who is accused."""\n', '');
      expect(undocumented).not.toBe(schema);
      writeFileSync(join(dir, 'schema.graphql'), undocumented);
      const result = await tool(cli, ['--format', 'json', 'schema.graphql'], dir);
      const errors = (JSON.parse(result.stdout) as { errors: { rule: string; message: string }[] }).errors;
      expect(errors.map(({ rule, message }) => [rule, message])).toEqual([
        ['fields-have-descriptions', 'The field `Accusation.accused` is missing a description.'],
      ]);
      expect(result.code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('@graphql-eslint', TOOL, () => {
  const eslint = bin('eslint');
  const config = 'test/tools/eslint.config.mjs';

  it('finds nothing with its schema rules on schema.graphql and its operation rules on examples/operations', async () => {
    const result = await tool(eslint, [
      '--config',
      config,
      '--format',
      'json',
      'schema.graphql',
      'examples/operations',
    ]);
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const operations = readdirSync(join(root, 'examples/operations')).filter((name) => name.endsWith('.graphql'));
    expect(operations.length).toBeGreaterThanOrEqual(3);
    expect(files.map((file) => file.filePath.slice(root.length)).sort()).toEqual([
      ...operations.map((name) => `examples/operations/${name}`).sort(),
      'schema.graphql',
    ]);
    expect(files.flatMap((file) => file.messages)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('runs its rules: a type without a description and an operation without a name are reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-eslint-'));
    try {
      mkdirSync(join(dir, 'examples/operations'), { recursive: true });
      const schema = readFileSync(join(root, 'schema.graphql'), 'utf8');
      writeFileSync(join(dir, 'schema.graphql'), schema.replace('"""A page of accusations."""\n', ''));
      writeFileSync(join(dir, 'examples/operations/Anonymous.graphql'), '{ people { totalCount } }\n');
      const args = ['--config', join(root, config), '--format', 'json', 'schema.graphql', 'examples/operations'];
      const result = await tool(eslint, args, dir);
      const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
      const found = files.map((file) => [file.filePath.slice(dir.length + 1), file.messages.map((m) => m.ruleId)]);
      expect(found.sort()).toEqual([
        ['examples/operations/Anonymous.graphql', ['@graphql-eslint/no-anonymous-operations']],
        ['schema.graphql', ['@graphql-eslint/require-description']],
      ]);
      expect(result.code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Person {
  id: string;
  quotes: { totalCount: number };
}

/** A page of the fragment's quotes as Relay reads it (the compiler adds `pageInfo` to a @connection). */
interface Quotes {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

describe('relay-runtime against a live server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(() => server.close());

  /**
   * The data the server answers to the exact text Relay sends, fetched without Relay, less the
   * `__typename`s relay-compiler adds to that text (for its store) and does not hand back.
   */
  async function plain(query: ConcreteRequest, variables: Record<string, unknown>) {
    const response = await server.post({ query: query.params.text, variables });
    const text = JSON.stringify(((await response.json()) as { data: unknown }).data);
    return JSON.parse(text, (key, value) => (key === '__typename' ? undefined : value));
  }

  async function relay<T extends OperationType>(query: ConcreteRequest, variables: T['variables']) {
    return fetchQuery<T>(createEnvironment(server.url), query, variables).toPromise();
  }

  it('fetches DroneAccusationsQuery: the data the server answers to the same text', async () => {
    const data = await relay(droneAccusationsQuery, {});
    expect(data).toEqual(await plain(droneAccusationsQuery, {}));
    expect(data).toMatchObject({ accusations: { totalCount: expect.any(Number) } });
  });

  it('fetches AgreementsBindingRussiaQuery with a party taken from the server', async () => {
    const response = await server.post({ query: '{ agreements(first: 1) { nodes { parties { actor { id } } } } }' });
    const body = (await response.json()) as {
      data: { agreements: { nodes: { parties: { actor: { id: string } }[] }[] } };
    };
    const party = body.data.agreements.nodes[0]?.parties[0]?.actor.id as string;
    expect(party).toEqual(expect.any(String));
    const data = await relay(agreementsQuery, { party });
    expect(data).toEqual(await plain(agreementsQuery, { party }));
    expect((data as { agreements: { nodes: unknown[] } }).agreements.nodes.length).toBeGreaterThan(0);
  });

  it('pages a person’s quotes through the @connection of the @refetchable fragment, by node(id:)', async () => {
    const response = await server.post({ query: '{ people(first: 100) { nodes { id quotes { totalCount } } } }' });
    const { people } = ((await response.json()) as { data: { people: { nodes: Person[] } } }).data;
    const person = [...people.nodes].sort((a, b) => b.quotes.totalCount - a.quotes.totalCount)[0] as Person;
    expect(person.quotes.totalCount).toBeGreaterThanOrEqual(2);
    const { id } = person;

    // One environment, two pages of one quote each: Relay's connection handler appends the second.
    const environment = createEnvironment(server.url);
    const page = (cursor: string | null) =>
      fetchQuery(environment, paginationQuery, { id, count: 1, cursor }).toPromise();
    const quotes = () => {
      const operation = createOperationDescriptor(paginationQuery, { id, count: 1, cursor: null });
      const { node } = environment.lookup(operation.fragment).data as { node: object };
      const selector = getSelector(personFragment, node) as SingularReaderSelector;
      return (environment.lookup(selector).data as { quotes: Quotes }).quotes;
    };
    await page(null);
    expect(quotes().edges).toHaveLength(1);
    await page(quotes().pageInfo.endCursor);
    const expected = await server.post({
      query: `{ node(id: "${id}") { ... on Person { quotes(first: 2) { nodes { id } } } } }`,
    });
    const { node } = ((await expected.json()) as { data: { node: { quotes: { nodes: { id: string }[] } } } }).data;
    expect(quotes().edges.map((edge) => edge.node.id)).toEqual(node.quotes.nodes.map((quote) => quote.id));
    expect(quotes().totalCount).toBe(person.quotes.totalCount);
  });

  it('fetches PezeshkianQuotesQuery: the fragment on a member of a union, spread with @alias', async () => {
    const response = await server.post({ query: '{ people(first: 1) { nodes { name } } }' });
    const { people } = ((await response.json()) as { data: { people: { nodes: { name: string }[] } } }).data;
    const name = people.nodes[0]?.name as string;
    const data = (await relay(quotesQuery, { name })) as {
      search: { nodes: { subject: { __typename: string; person: object | null } }[] };
    };
    expect(data.search.nodes).toHaveLength(1);
    for (const { subject } of data.search.nodes) expect(subject.person !== null).toBe(subject.__typename === 'Person');
  });
});
