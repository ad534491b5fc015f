/**
 * HTTP caching by RFC 9110 and 9111, for browsers, CDNs and reverse proxies in front of the
 * server, and for the fast lane inside it (src/fast-lane.ts), which reads these same headers:
 *
 * - A GraphQL answer with data and no errors gets a strong ETag computed from its bytes (so it
 *   changes whenever they do, a restart on other data included), and
 *   `Cache-Control: public, max-age=…, stale-while-revalidate=…` (CLAIMGRAPH_HTTP_MAX_AGE,
 *   CLAIMGRAPH_HTTP_STALE_WHILE_REVALIDATE). A POST answer carries the same: no shared cache reuses
 *   a POST answer for another POST (RFC 9110 §9.3.3), and the fast lane may keep it.
 * - `If-None-Match` (a list, quoted or weak tags, or `*`) is compared with the ETag of this
 *   request's own answer, by weak comparison: a match answers 304 to a GET, 412 to a POST
 *   (RFC 9110 §13.1.2).
 * - What must not be stored says so, `Cache-Control: no-store`: answers with errors, refusals,
 *   streamed answers (@defer/@stream), /health, /ready, /metrics and anything else. An answer to a
 *   request with an Authorization header (the introspection token) is `private, no-cache`.
 * - `Vary: Accept` on every answer at /graphql: its Content-Type, and the status of an error,
 *   depend on it. (`Vary: Origin` comes from src/plugins/security.ts when CORS depends on the
 *   origin; `Vary: Accept-Encoding` from the GraphiQL page, the only answer compressed.)
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { HttpCacheOptions } from '../config.ts';

/** A strong entity tag of these bytes, quoted as RFC 9110 §8.8.3 requires. */
export function entityTag(bytes: Uint8Array | string): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

const TAGS = /(?:W\/)?"[^"]*"|\*/g;

/**
 * Whether an If-None-Match field value matches `etag`, by weak comparison (RFC 9110 §13.1.2): a
 * tag matches whether either side is weak (`W/"…"`); `*` matches any; malformed members are
 * ignored.
 */
function ifNoneMatchMatches(field: string | null | undefined, etag: string): boolean {
  if (!field) return false;
  const opaque = etag.replace(/^W\//, '');
  for (const tag of field.match(TAGS) ?? []) if (tag === '*' || tag.replace(/^W\//, '') === opaque) return true;
  return false;
}

/** The status of a conditional request whose answer has `etag`: 304, 412, or undefined to answer in full. */
function conditionalStatus(method: string, ifNoneMatch: string | null | undefined, etag: string) {
  if (!ifNoneMatchMatches(ifNoneMatch, etag)) return undefined;
  return method === 'GET' || method === 'HEAD' ? 304 : 412;
}

/** Headers of a 200 a 304 must not repeat: the representation's own metadata (RFC 9110 §15.4.5). */
const NOT_IN_304 = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);

/** A 304 or a 412: its status and headers. */
export interface Conditional {
  status: 304 | 412;
  headers: [string, string][];
}

/**
 * The 304 or 412 a conditional request gets for an answer with these headers, or undefined when
 * it gets the answer in full.
 */
export function conditionalAnswer(
  method: string,
  ifNoneMatch: string | null | undefined,
  headers: Iterable<[string, string]>,
  etag: string,
): Conditional | undefined {
  const status = conditionalStatus(method, ifNoneMatch, etag);
  if (status === undefined) return undefined;
  if (status === 412)
    return {
      status,
      headers: [
        ['cache-control', NO_STORE],
        ['etag', etag],
      ],
    };
  const kept: [string, string][] = [];
  for (const [name, value] of headers) if (!NOT_IN_304.has(name.toLowerCase())) kept.push([name, value]);
  return { status, headers: kept };
}

const NO_STORE = 'no-store';
const PRIVATE = 'private, no-cache';

/** The Cache-Control of a GraphQL answer that may be stored. */
function storableCacheControl({ maxAge, staleWhileRevalidate }: HttpCacheOptions): string {
  const stale = staleWhileRevalidate > 0 ? `, stale-while-revalidate=${staleWhileRevalidate}` : '';
  return `public, max-age=${maxAge}${stale}`;
}

/** Adds `name` to the Vary header unless it is there already. */
export function varyOn(headers: Headers, name: string): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', name);
  else if (!vary.split(',').some((field) => field.trim().toLowerCase() === name.toLowerCase())) {
    headers.set('vary', `${vary}, ${name}`);
  }
}

const JSON_ANSWER = /^application\/(graphql-response\+)?json\b/;

export function httpCachePlugin(options: HttpCacheOptions, graphqlEndpoint: string): Plugin {
  const storable = storableCacheControl(options);
  // Requests whose result may be stored: data, no errors, not streamed, not a batch.
  const cacheable = new WeakSet<Request>();
  return {
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      if (result.data != null && !result.errors?.length) cacheable.add(request);
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const { headers } = response;
      const atEndpoint = new URL(request.url).pathname === graphqlEndpoint;
      if (atEndpoint) varyOn(headers, 'Accept');
      if (headers.has('cache-control')) return; // the GraphiQL page says its own
      const method = request.method;
      const json = JSON_ANSWER.test(headers.get('content-type') ?? '');
      if (!atEndpoint || response.status !== 200 || !json || !cacheable.has(request) || !/^(GET|POST)$/.test(method)) {
        headers.set('cache-control', NO_STORE);
        return;
      }
      const etag = entityTag(new Uint8Array(await response.clone().arrayBuffer()));
      headers.set('etag', etag);
      // An answer to a caller with credentials (the introspection token) is that caller's alone:
      // no shared cache, the fast lane included, may hand it to another.
      headers.set('cache-control', request.headers.has('authorization') ? PRIVATE : storable);
      const conditional = conditionalAnswer(method, request.headers.get('if-none-match'), headers, etag);
      if (conditional) setResponse(new fetchAPI.Response(null, conditional));
    },
  };
}
