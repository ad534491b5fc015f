/**
 * HTTP-level protections: CSRF prevention (a request a browser sends without a CORS preflight
 * must carry a header a form cannot set), CORS from an allow-list, and, when
 * CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY is on, only the trusted operations of
 * trusted-operations.json (generated from examples/ by scripts/trusted-operations.ts), sent by hash.
 * With CLAIMGRAPH_INTROSPECTION off, introspection and the subgraph SDL are refused to every caller
 * without the introspection token. In production, errors tell nothing the client did not send:
 * no suggestions ("Did you mean …", of fields, arguments, types or enum values alike) and no
 * `originalError` (Yoga's invalid-JSON error quotes the body there).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, getNamedType, isIntrospectionType, type ValidationContext, type ValidationRule } from 'graphql';
import { type CORSOptions, createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { ErrorCode } from '../errors.ts';
import { TRUSTED_OPERATIONS_FILE } from '../paths.ts';

/** The header a client sends on GET (and other non-preflighted) requests to pass CSRF prevention. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface TrustedOperation {
  /** Where the operation comes from, relative to the repository root. */
  file: string;
  /** SHA-256 of `document`, hex: what a client sends as `extensions.persistedQuery.sha256Hash`. */
  sha256: string;
  document: string;
}

export function securityPlugins(config: Config): Plugin[] {
  const plugins: Plugin[] = [useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }), unsupportedMediaType, varyByOrigin];
  if (config.trustedOperationsOnly) plugins.push(trustedOperationsOnly());
  if (!config.introspection) plugins.push(introspectionOff(config.introspectionToken));
  if (config.production) plugins.push(productionErrors);
  return plugins;
}

/** Whether an `Authorization` header is `Bearer <token>`, compared in constant time. */
export function bearerMatches(header: string | null | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/**
 * Refuses `__schema`, `__type` and `_service` (the subgraph SDL, which is the schema too) to a
 * caller without `Authorization: Bearer <token>` (a gateway that composes by introspection, a
 * tool). `__typename` stays: clients and gateways need it. Yoga caches validation per set of
 * rules, by rule name, so a request with the token and one without never share a verdict.
 */
function introspectionOff(token: string | undefined): Plugin {
  return {
    onValidate({ addValidationRule, context }) {
      const { request } = context as { request?: Request };
      if (!token || !bearerMatches(request?.headers.get('authorization'), token)) addValidationRule(NoIntrospection);
    },
  };
}

const NoIntrospection: ValidationRule = (context: ValidationContext) => ({
  Field(node) {
    const type = context.getType();
    const sdl = node.name.value === '_service' && context.getParentType() === context.getSchema().getQueryType();
    if (!sdl && !(type && isIntrospectionType(getNamedType(type)))) return;
    context.reportError(
      new GraphQLError(`Introspection is off on this server: "${node.name.value}" cannot be queried.`, {
        nodes: [node],
        extensions: { code: ErrorCode.introspectionDisabled },
      }),
    );
    return false; // one error for `__schema { … }`, not one more per field inside it
  },
});

const SUGGESTION = / ?Did you mean .*\?$/s;

/** Errors without suggestions or `originalError`; results without errors are left as they are. */
const productionErrors: Plugin = {
  onResultProcess({ result, setResult }) {
    if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
    const { stringify: _compiled, ...rest } = result;
    setResult({ ...rest, errors: result.errors.map(withoutHints) });
  },
};

function withoutHints(error: GraphQLError): GraphQLError {
  const { originalError: _original, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/** Yoga answers a body it has no parser for with a bare 415; this says what to send instead. */
const unsupportedMediaType: Plugin = {
  onRequestParse({ request, requestParser }) {
    if (request.method !== 'POST' || requestParser) return;
    const type = request.headers.get('content-type') ?? 'none';
    throw createGraphQLError(
      `Unsupported content type "${type}": send the operation as JSON with content-type application/json.`,
      { extensions: { code: ErrorCode.unsupportedMediaType, http: { status: 415 } } },
    );
  },
};

/** Answers differ by Origin (CORS headers), so caches must key on it. */
const varyByOrigin: Plugin = {
  onResponse({ request, response }) {
    if (request.headers.has('origin')) response.headers.append('vary', 'Origin');
  },
};

function trustedOperationsOnly(): Plugin {
  const operations: TrustedOperation[] = JSON.parse(readFileSync(TRUSTED_OPERATIONS_FILE, 'utf8'));
  const byHash = new Map(operations.map((operation) => [operation.sha256, operation.document]));
  const rejection = (message: string, code: ErrorCode) => ({ message, extensions: { code, http: { status: 400 } } });
  return usePersistedOperations({
    getPersistedOperation: (hash) => byHash.get(hash) ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: rejection(
        'This server accepts only trusted operations: send extensions.persistedQuery { version: 1, sha256Hash } instead of a query.',
        ErrorCode.trustedOperationsOnly,
      ),
      keyNotFound: rejection(
        'Missing extensions.persistedQuery { version: 1, sha256Hash }: this server accepts only trusted operations.',
        ErrorCode.trustedOperationIdRequired,
      ),
      notFound: rejection('No trusted operation has this sha256Hash.', ErrorCode.trustedOperationNotFound),
    },
  });
}

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Yoga's `cors` option. Only origins on the allow-list get CORS headers (and so a browser lets them
 * read answers); by default, outside production, any localhost origin does.
 */
export function corsOptions(config: Config): (request: Request) => CORSOptions {
  const allowed = config.corsOrigins;
  const isAllowed = (origin: string) =>
    allowed ? allowed.includes('*') || allowed.includes(origin) : !config.production && LOCAL_ORIGIN.test(origin);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !isAllowed(origin)) return false;
    return {
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', 'x-request-id', CSRF_HEADER],
      exposedHeaders: ['x-request-id'],
      credentials: false,
      maxAge: 600,
    };
  };
}
