/**
 * Reference server: bare graphql-js over node:http, on the same schema and corpus as claimgraph.
 * Parsing and validation are cached by query text, so each request pays only for JSON parsing,
 * `execute` and JSON.stringify: the cost of the GraphQL work itself, without a framework.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DocumentNode, execute, type GraphQLError, parse, validate } from 'graphql';
import { createContext } from '../../src/context.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { schema } from '../../src/schema/index.ts';
import { SearchIndex } from '../../src/search/search.ts';

const corpus = loadCorpus(process.env.CLAIMGRAPH_DATA_DIR || undefined);
const search = new SearchIndex(corpus);
const documents = new Map<string, { document: DocumentNode; errors: readonly GraphQLError[] }>();

function prepare(query: string) {
  let entry = documents.get(query);
  if (!entry) {
    const document = parse(query);
    entry = { document, errors: validate(schema, document) };
    documents.set(query, entry);
  }
  return entry;
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const { document, errors } = prepare(query);
    const result =
      errors.length > 0
        ? { errors }
        : await execute({
            schema,
            document,
            variableValues: variables,
            operationName,
            contextValue: createContext(corpus, search),
          });
    const body = JSON.stringify(result);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`graphql-js: listening at http://127.0.0.1:${port}/graphql`);
});
