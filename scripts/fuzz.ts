/**
 * `npm run fuzz`: generated malformed and abusive requests against the real server (dist/server.js,
 * production mode, on a free port of 127.0.0.1), FUZZ_RUNS cases (default 2,000) from the seed
 * FUZZ_SEED (default 12), with fast-check:
 *
 * - operations built from the schema: random fields, arguments of every type with values of
 *   every type (huge strings and numbers, IDs of unknown types, unknown enum values), aliases,
 *   @include/@skip/@defer/@stream with good and bad arguments, fragments, nesting past the depth
 *   limit, variables of the wrong shape or nested deep;
 * - the example operations, mutated: text cut, repeated or spliced with stray tokens;
 * - HTTP requests: any method, path, content type, accept, origin, request id and body (bytes,
 *   truncated JSON, JSON of the wrong shape, batches, GETs with query strings);
 * - raw bytes on a socket: a garbage request line, broken headers, conflicting lengths, bad chunks.
 *
 * Every answer must be a 4xx, or a valid GraphQL answer (JSON or multipart, `data` and/or
 * `errors`, each error with a message, none masked as INTERNAL_SERVER_ERROR); never a 5xx (but
 * a 503 OPERATION_TIMEOUT, which is a valid GraphQL answer). The server must stay up: /health is
 * asked every 100 cases, and its log must hold no server error. On a failure fast-check shrinks
 * the case to a smaller one that still fails and prints it; the run exits 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { schema } from '../src/schema/index.ts';
import { startServer } from './server-process.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 2_000);
const seed = Number(process.env.FUZZ_SEED ?? 12);
const root = new URL('../', import.meta.url);

// ------------------------------------------------------------------------------------------------
// The server

/** The server, production mode, logging server errors only: every line it logs is one. */
function startFuzzedServer() {
  return startServer({ NODE_ENV: 'production', CLAIMGRAPH_LOG_LEVEL: 'error' });
}

type Server = Awaited<ReturnType<typeof startFuzzedServer>>;

/** The server errors it logged (each line cut to 2,000 characters). */
const serverErrors = (server: Server) =>
  server
    .output()
    .split('\n')
    .filter((line) => line.includes('"level":"error"'))
    .map((line) => line.slice(0, 2_000));

// ------------------------------------------------------------------------------------------------
// Operations from the schema. A case is a list of numbers that a walker of the schema consumes to
// make each choice (so that fast-check shrinks a failing operation by shrinking the list), and a
// pool of values for the arguments.

class Choices {
  private at = 0;
  /** Fields an operation may still get: without a bound, nesting makes operations explode. */
  fields = 80;
  /** The variables the operation uses, by name, with the type of the place each stands in. */
  readonly variables = new Map<string, string>();
  constructor(
    private readonly numbers: readonly number[],
    readonly values: readonly unknown[],
  ) {}

  next(n: number): number {
    if (this.numbers.length === 0 || n <= 1) return 0;
    return (this.numbers[this.at++ % this.numbers.length] ?? 0) % n;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.next(list.length)] as T;
  }

  value(): unknown {
    return this.values.length === 0 ? null : this.pick(this.values);
  }

  /** A new variable for a place of this type: `$v0`, `$v1`, … */
  variable(type: string): string {
    const name = `v${this.variables.size}`;
    this.variables.set(name, type);
    return `$${name}`;
  }
}

const TYPE_NAMES = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));

/** A literal of the argument's type: mostly of the right type (so that it gets past validation), at times not. */
function literal(type: GraphQLInputType, choices: Choices, depth = 0): string {
  const choice = choices.next(10);
  if (choice === 0) return choices.variable(String(type));
  if (choice === 1) return 'null';
  if (choice === 2) return choices.pick(['DRONES', 'true', '1e309', '-1', '0', '999999999999', '{ a: 1 }', '""']);
  const nullable = getNullableType(type);
  if (isListType(nullable) && depth < 3) {
    const items = Array.from({ length: choices.next(4) }, () => literal(nullable.ofType, choices, depth + 1));
    return `[${items.join(', ')}]`;
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return choices.pick(named.getValues()).name;
  const value = choices.value();
  switch (named.name) {
    case 'Int':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : String(choices.next(300) - 100);
    case 'Boolean':
      return choices.next(2) ? 'true' : 'false';
    case 'String':
    case 'ID':
      return JSON.stringify(typeof value === 'string' ? value : String(value));
    default:
      return JSON.stringify(value ?? null);
  }
}

function directives(field: GraphQLField<unknown, unknown> | undefined, choices: Choices): string {
  switch (choices.next(8)) {
    case 0:
      return ` @include(if: ${choices.next(3) === 0 ? choices.variable('Boolean!') : choices.pick(['true', 'false', '1'])})`;
    case 1:
      return ` @skip(if: ${choices.next(3) === 0 ? choices.variable('Boolean!') : choices.pick(['true', 'false', 'null'])})`;
    case 2:
      if (!field || !isListType(getNullableType(field.type))) return '';
      return ` @stream(initialCount: ${choices.next(5) === 0 ? choices.variable('Int') : choices.pick(['0', '1', '-1', 'null', '100000'])}${choices.next(2) ? `, label: ${JSON.stringify(String(choices.value()))}` : ''})`;
    default:
      return '';
  }
}

function selection(type: GraphQLNamedType, choices: Choices, depth: number, maxDepth: number): string {
  if (!(isObjectType(type) || isInterfaceType(type) || isAbstractType(type))) return '';
  const parts: string[] = [];
  if (isAbstractType(type) || (isInterfaceType(type) && choices.next(3) === 0)) {
    const possible = schema.getPossibleTypes(type as never) as GraphQLObjectType[];
    if (possible.length > 0) {
      const on = choices.pick(possible);
      const defer =
        choices.next(5) === 0
          ? ` @defer${choices.next(2) ? `(label: ${JSON.stringify(String(choices.value()))})` : ''}`
          : '';
      parts.push(`... on ${on.name}${defer} { ${selection(on, choices, depth + 1, maxDepth) || '__typename'} }`);
    }
    if (isAbstractType(type) && !isInterfaceType(type)) return parts.join(' ') || '__typename';
  }
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const count = 1 + choices.next(3);
  for (let i = 0; i < count && choices.fields > 0; i++, choices.fields--) {
    if (choices.next(12) === 0) {
      parts.push(
        choices.pick([
          '__typename',
          'unknownField',
          'id @deprecated',
          '__schema { types { name } }',
          '_service { sdl }',
        ]),
      );
      continue;
    }
    const field = choices.pick(fields);
    const alias = choices.next(6) === 0 ? `a${choices.next(100)}: ` : '';
    const args = field.args
      .filter(() => choices.next(3) === 0)
      .map((arg) => `${arg.name}: ${literal(arg.type, choices)}`);
    if (choices.next(15) === 0) args.push(`bogus: ${literal(schema.getType('String') as GraphQLInputType, choices)}`);
    const named = getNamedType(field.type);
    const composite = !isScalarType(named) && !isEnumType(named);
    const inner =
      composite && depth < maxDepth
        ? ` { ${selection(named, choices, depth + 1, maxDepth) || '__typename'} }`
        : composite
          ? ' { __typename }'
          : '';
    parts.push(
      `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${directives(field, choices)}${inner}`,
    );
  }
  return parts.join(' ');
}

function fromSchema(numbers: number[], values: unknown[]): { query: string; variables: unknown } {
  const choices = new Choices(numbers, values);
  const query = schema.getQueryType() as GraphQLObjectType;
  const maxDepth = choices.pick([2, 3, 4, 6, 9, 14]);
  const body = selection(query, choices, 0, maxDepth);
  const declared = [...choices.variables];
  const head = declared.length ? `(${declared.map(([name, type]) => `$${name}: ${type}`).join(', ')})` : '';
  // Each variable's value: most often one of its type, at times any value at all.
  const variables = Object.fromEntries(declared.map(([name]) => [name, choices.value()]));
  return { query: `query Fuzz${head} { ${body} }`, variables };
}

// ------------------------------------------------------------------------------------------------
// Arbitraries

const globalId = fc
  .tuple(fc.oneof(fc.constantFrom(...TYPE_NAMES), fc.string({ maxLength: 12 })), fc.string({ maxLength: 40 }))
  .map(([type, id]) => Buffer.from(`${type}:${id}`).toString('base64'));

/** Nested lists or objects, `depth` deep, as text (JSON.stringify would recurse as deep). */
const deepJson = fc
  .tuple(fc.integer({ min: 10, max: 20_000 }), fc.boolean())
  .map(([depth, objects]) =>
    objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`,
  );

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: 150, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  globalId,
  fc.array(globalId, { maxLength: 5 }),
  fc.integer({ min: 90, max: 6_000 }).map((n) => Array.from({ length: n }, (_, i) => `id${i}`)),
  fc.jsonValue({ maxDepth: 4 }),
);

const schemaOperation = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 120 }), fc.array(value, { maxLength: 6 }))
  .map(([numbers, values]) => fromSchema(numbers, values));

const examples = readdirSync(new URL('examples/operations/', root))
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => readFileSync(new URL(`examples/operations/${file}`, root), 'utf8'));
const STRAY = [
  '{',
  '}',
  '(',
  ')',
  '...',
  '@defer',
  '@stream(initialCount: -1)',
  '$x',
  '"\\u0000"',
  '#',
  'fragment',
  'on',
  ':',
  '1e999',
  '"""',
];

const mutatedExample = fc
  .tuple(
    fc.constantFrom(...examples),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...STRAY), fc.nat({ max: 3 })), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, length, stray, kind] of edits) {
      const i = at % (out.length + 1);
      if (kind === 0) out = out.slice(0, i) + out.slice(i + length);
      else if (kind === 1) out = out.slice(0, i) + stray + out.slice(i);
      else if (kind === 2) out = out.slice(0, i) + out.slice(i, i + length).repeat(3) + out.slice(i);
      else out = out.slice(0, i);
    }
    return { query: out, variables: undefined as unknown };
  });

interface HttpCase {
  kind: 'http';
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const operationBody = fc.oneof(schemaOperation, mutatedExample).chain((operation) =>
  fc.oneof(
    fc.constant(JSON.stringify(operation)),
    fc.constant(JSON.stringify([operation, operation])),
    deepJson.map((deep) => `{"query":${JSON.stringify(operation.query)},"variables":{"v":${deep}}}`),
    fc.nat().map((cut) => JSON.stringify(operation).slice(0, cut % 200)),
  ),
);

const httpCase: fc.Arbitrary<HttpCase> = fc.record({
  kind: fc.constant('http' as const),
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  path: fc.oneof(
    fc.constantFrom('/graphql', '/graphql', '/graphql', '/health', '/ready', '/metrics', '/', '/graphql/', '/GRAPHQL'),
    fc.webPath(),
    fc
      .tuple(printable, printable)
      .map(
        ([query, variables]) =>
          `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`,
      ),
    schemaOperation.map(
      (operation) =>
        `/graphql?query=${encodeURIComponent(operation.query)}&variables=${encodeURIComponent(JSON.stringify(operation.variables))}`,
    ),
  ),
  headers: fc.dictionary(
    fc.constantFrom(
      'content-type',
      'accept',
      'origin',
      'x-request-id',
      'x-graphql-yoga-csrf',
      'if-none-match',
      'authorization',
      'content-encoding',
      'x-anything',
    ),
    fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/graphql-response+json',
        'application/json; charset=latin1',
        'text/plain',
        'text/html',
        'multipart/form-data; boundary=x',
        'multipart/mixed',
        'application/x-www-form-urlencoded',
        'application/graphql',
        '*/*',
        'gzip',
        'http://localhost:3000',
        'Bearer x',
      ),
      printable,
    ),
    { maxKeys: 4 },
  ),
  body: fc.oneof(
    fc.constant(undefined),
    operationBody,
    operationBody,
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)),
    fc.uint8Array({ maxLength: 512 }),
  ),
});

const graphqlCase = fc
  .oneof(schemaOperation, mutatedExample)
  .map((operation) => ({ kind: 'graphql' as const, ...operation }));

interface RawCase {
  kind: 'raw';
  bytes: string;
}

const rawCase: fc.Arbitrary<RawCase> = fc
  .oneof(
    fc.string({ maxLength: 200 }).map((junk) => `${junk}\r\n\r\n`),
    printable.map((name) => `POST /graphql HTTP/1.1\r\nHost: x\r\n${name}\r\n\r\n`),
    fc.constant('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}'),
    fc.constant('POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'),
    fc.constant(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
    ),
    fc.constant('GET /\r\n\r\n'),
    fc
      .integer({ min: 10_000, max: 40_000 })
      .map((n) => `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(n)}\r\n\r\n`),
    fc.constant('GET /graphql HTTP/1.1\r\nHost: x\r\nX-Null: a\u0000b\r\n\r\n'),
    fc.constant('GET /health HTTP/9.9\r\nHost: x\r\n\r\n'),
  )
  .map((bytes) => ({ kind: 'raw' as const, bytes }));

const anyCase = fc.oneof(
  { weight: 5, arbitrary: graphqlCase },
  { weight: 4, arbitrary: httpCase },
  { weight: 1, arbitrary: rawCase },
);
type Case = typeof anyCase extends fc.Arbitrary<infer T> ? T : never;

// ------------------------------------------------------------------------------------------------
// Sending a case and judging its answer

interface Answer {
  status: number;
  contentType: string;
  body: string;
  path: string;
  method: string;
}

async function send(server: Server, item: Case): Promise<Answer | 'not sent'> {
  if (item.kind === 'raw') return sendRaw(server.port, item.bytes);
  const request =
    item.kind === 'graphql'
      ? {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: item.query, variables: item.variables }),
        }
      : item;
  let response: Response;
  try {
    response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : (request.body as BodyInit | undefined),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    // fetch refuses some requests before sending them (a forbidden header, a malformed URL).
    const code = ((error as Error).cause as { code?: string } | undefined)?.code;
    if (error instanceof TypeError && !code) return 'not sent';
    // A request line or headers past Node's 16 KiB are answered 431 and the connection closed,
    // which a client still sending the request sees as a closed socket.
    if (`${request.path}${JSON.stringify(request.headers)}`.length > 16 * 1024 && code && CLOSED.has(code)) {
      return { status: 431, contentType: '', body: '', path: 'closed', method: request.method };
    }
    throw new Error(`${(error as Error).message}: ${code ?? ''} ${String((error as Error).cause ?? '')}`);
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
    path: new URL(`${origin}${request.path}`).pathname,
    method: request.method,
  };
}

/** How a client sees a connection the server closed while it was still sending. */
const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/** Raw bytes on a socket; the answer is what the server writes until it closes or 3 s pass. */
function sendRaw(port: number, bytes: string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      socket.destroy();
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0);
      const body = received.slice(received.indexOf('\r\n\r\n') + 4);
      const contentType = /\r\ncontent-type: ([^\r]*)/i.exec(received)?.[1] ?? '';
      resolve({ status, contentType, body, path: 'raw', method: 'RAW' });
    };
    socket.setTimeout(3_000, done);
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => socket.write(bytes));
  });
}

/** Why an answer is wrong, or undefined when it is a 4xx or a valid GraphQL answer. */
function fault(answer: Answer): string | undefined {
  const { status, contentType, body, path, method } = answer;
  if (body.includes('INTERNAL_SERVER_ERROR')) return 'an error masked as INTERNAL_SERVER_ERROR (a server error)';
  if (status >= 500) {
    return status === 503 && body.includes('OPERATION_TIMEOUT') && validGraphQL(body) === undefined
      ? undefined
      : `HTTP ${status}`;
  }
  // A raw request the parser refused is answered 400 (or 413, 431) and closed; one it took is served.
  if (path === 'closed') return undefined;
  if (path === 'raw') return status === 0 || status >= 400 || status < 300 ? undefined : `HTTP ${status}`;
  if (status >= 400) return undefined;
  if (path !== '/graphql' || method === 'HEAD' || method === 'OPTIONS') return undefined;
  if (contentType.startsWith('multipart/mixed')) return undefined; // incremental delivery: checked for masked errors above
  if (!/json/.test(contentType)) return `a ${status} on /graphql that is not JSON (${contentType})`;
  return validGraphQL(body);
}

function validGraphQL(body: string): string | undefined {
  let result: unknown;
  try {
    result = JSON.parse(body);
  } catch {
    return 'a body that is not JSON';
  }
  if (!result || typeof result !== 'object' || Array.isArray(result)) return 'not a GraphQL result object';
  const { data, errors } = result as { data?: unknown; errors?: unknown };
  if (data === undefined && errors === undefined) return 'neither data nor errors';
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) return 'errors that are not a non-empty list';
    if (errors.some((error) => typeof (error as { message?: unknown })?.message !== 'string'))
      return 'an error without a message';
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------

const server = await startFuzzedServer();
const origin = `http://127.0.0.1:${server.port}`;
const started = performance.now();
const statuses = new Map<string, number>();
const codes = new Map<string, number>();
let sent = 0;
let notSent = 0;
let failure: unknown;
try {
  await fc.assert(
    fc.asyncProperty(anyCase, async (item) => {
      const answer = await send(server, item);
      if (answer === 'not sent') {
        notSent++;
        return;
      }
      sent++;
      const key = `${item.kind} ${answer.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      for (const code of answer.body.matchAll(/"code":"([A-Z_]+)"/g)) {
        codes.set(code[1] as string, (codes.get(code[1] as string) ?? 0) + 1);
      }
      const wrong = fault(answer);
      if (wrong) throw new Error(`${wrong}: ${answer.body.slice(0, 500)}`);
      if (sent % 100 === 0) {
        const health = await fetch(`${origin}/health`);
        if (health.status !== 200) throw new Error(`/health answered ${health.status}`);
      }
      if (server.child.exitCode !== null) throw new Error(`the server exited with ${server.child.exitCode}`);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
} catch (error) {
  failure = error;
}
const health = await fetch(`${origin}/health`).then(
  (response) => response.status,
  () => 0,
);
server.child.kill('SIGTERM');
const { code: exitCode } = await server.exited;
const loggedErrors = serverErrors(server);

const report = {
  command: `FUZZ_RUNS=${runs} FUZZ_SEED=${seed} npm run fuzz`,
  cases: runs,
  sent,
  notSentByTheClient: notSent,
  seconds: Math.round((performance.now() - started) / 100) / 10,
  answers: Object.fromEntries([...statuses].sort()),
  errorCodes: Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])),
  healthAtEnd: health,
  serverErrorsLogged: loggedErrors.length,
  serverExitCode: exitCode,
};
console.log(JSON.stringify(report, null, 2));
for (const line of loggedErrors.slice(0, 5)) console.error(`server error: ${line}`);
if (failure) {
  // The counterexample can be a long operation: its start, and why it failed, are enough to go on.
  const message = failure instanceof Error ? failure.message : String(failure);
  console.error(message.length > 4_000 ? `${message.slice(0, 4_000)} …` : message);
  console.error(String((failure as { cause?: unknown }).cause ?? '').slice(0, 2_000));
}
const failed = failure !== undefined || health !== 200 || loggedErrors.length > 0 || exitCode !== 0;
process.exit(failed ? 1 : 0);
