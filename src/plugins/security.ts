/**
 * HTTP-level protections: no POST a browser form can send (text/plain, form-urlencoded,
 * multipart), CORS (any origin may read, without credentials, unless CLAIMGRAPH_CORS_ORIGINS
 * narrows it), CSRF prevention when CLAIMGRAPH_CSRF_PREVENTION turns it on (a request a browser
 * sends without a CORS preflight must then carry a header a form cannot set), and, when
 * CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY is on, only the trusted operations of
 * trusted-operations.json (generated from examples/ by scripts/trusted-operations.ts), sent by hash.
 * With CLAIMGRAPH_INTROSPECTION off, introspection and the subgraph SDL are refused to every caller
 * without the introspection token. In production, errors tell nothing the client did not send:
 * no suggestions ("Did you mean …", of fields, arguments, types or enum values alike) and no
 * `originalError` (Yoga's invalid-JSON error quotes the body there).
 *
 * GET needs no header by default: the schema has no mutation or subscription (and Yoga never runs
 * a mutation over GET), CORS grants no credentials, and the server reads no cookie (an
 * Authorization header only ever unlocks introspection, when a deployment turns it off and sets
 * a token), so a cross-site request can make the server do nothing a visitor could not do by
 * opening the URL, nor read anything a public API does not publish anyway.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, getNamedType, isIntrospectionType, type ValidationContext, type ValidationRule } from 'graphql';
import { type CORSOptions, createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { ErrorCode, rebuilt } from '../errors.ts';
import { TRUSTED_OPERATIONS_FILE } from '../paths.ts';
import { varyOn } from './http-cache.ts';

/** The header a client sends on GET (and other non-preflighted) requests when CSRF prevention is on. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** The content types a browser form (or any page, without a CORS preflight) can POST. */
const FORM_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

export interface TrustedOperation {
  /** Where the operation comes from, relative to the repository root. */
  file: string;
  /** SHA-256 of `document`, hex: what a client sends as `extensions.persistedQuery.sha256Hash`. */
  sha256: string;
  document: string;
}

export function securityPlugins(config: Config): Plugin[] {
  const plugins: Plugin[] = [];
  if (config.csrfPrevention) plugins.push(csrfPrevention());
  plugins.push(unsupportedMediaType);
  plugins.push(config.corsOrigins.includes('*') ? anyOrigin : varyByOrigin);
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
  return rebuilt(error, error.message.replace(SUGGESTION, ''), extensions);
}

/** Yoga's CSRF prevention, with an error that names the header to send and carries a code. */
function csrfPrevention(): Plugin {
  const { onRequestParse } = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      try {
        return onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          `This server requires the header ${CSRF_HEADER} (any value) on GET requests and on POSTs that are not JSON.`,
          { extensions: { code: ErrorCode.csrfHeaderRequired, http: { status: 403 } } },
        );
      }
    },
  };
}

/**
 * A body Yoga has no parser for, or one a browser form could send (Yoga would parse a form or a
 * multipart body), is answered 415 saying what to send instead.
 */
const unsupportedMediaType: Plugin = {
  onRequestParse({ request, requestParser }) {
    if (request.method !== 'POST') return;
    const type = request.headers.get('content-type') ?? 'none';
    const formType = FORM_CONTENT_TYPES.some((form) => type.toLowerCase().startsWith(form));
    if (requestParser && !formType) return;
    throw createGraphQLError(
      `Unsupported content type "${type}": send the operation as JSON with content-type application/json.`,
      { extensions: { code: ErrorCode.unsupportedMediaType, http: { status: 415 } } },
    );
  },
};

/**
 * Any origin may read: `Access-Control-Allow-Origin: *`. Yoga's CORS echoes the request's Origin
 * instead (with `Vary: Origin`), which would make a cache keep one copy of each answer per
 * origin; a public API answers every origin alike.
 */
const anyOrigin: Plugin = {
  onResponse({ response: { headers } }) {
    if (!headers.has('access-control-allow-origin')) return;
    headers.set('access-control-allow-origin', '*');
    const vary = (headers.get('vary') ?? '').split(',').filter((field) => field.trim().toLowerCase() !== 'origin');
    if (vary.join('').trim()) headers.set('vary', vary.map((field) => field.trim()).join(', '));
    else headers.delete('vary');
  },
};

/**
 * With CLAIMGRAPH_CORS_ORIGINS narrowed to a list, the CORS headers of every answer depend on the
 * request's Origin, a request without one included: caches must key on it.
 */
const varyByOrigin: Plugin = {
  onResponse({ response }) {
    varyOn(response.headers, 'Origin');
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

/**
 * Yoga's `cors` option. By default any origin may read answers (`Access-Control-Allow-Origin: *`),
 * never with credentials: this is a public, read-only API. CLAIMGRAPH_CORS_ORIGINS narrows it to
 * a list; then only those origins get CORS headers.
 */
export function corsOptions(config: Config): (request: Request) => CORSOptions {
  const allowed = config.corsOrigins;
  const anyOrigin = allowed.includes('*');
  const common = {
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'accept', 'x-request-id', CSRF_HEADER],
    exposedHeaders: ['x-request-id'],
    credentials: false,
    maxAge: 600,
  };
  return (request) => {
    const origin = request.headers.get('origin');
    if (anyOrigin) return { origin: '*', ...common };
    if (!origin || !allowed.includes(origin)) return false;
    return { origin: [origin], ...common };
  };
}
