/**
 * Bounded memory: the built server (dist/server.js) under a small V8 heap
 * (`--max-old-space-size`), with small budgets for every cache, is sent hundreds of unique
 * operations with large answers (each sent twice, so the fast lane learns it), by text and as
 * automatic persisted queries. Every cache (response cache, fast lane, APQ store, parsed
 * documents, compiled queries, costs, operation names) fills up to its budget and no further, the
 * heap stays bounded, and the server still answers. The heap figures are printed.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../scripts/server-process.ts';

const HEAP_MB = 128;
const KiB = 1024;
const MiB = 1024 * KiB;
/** Small budgets, so that a few hundred requests fill every cache past them. */
const BUDGETS = {
  CLAIMGRAPH_RESPONSE_CACHE_BYTES: 4 * MiB,
  CLAIMGRAPH_FAST_LANE_BYTES: 4 * MiB,
  CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES: 256 * KiB,
  CLAIMGRAPH_APQ_BYTES: MiB,
  CLAIMGRAPH_DOCUMENT_CACHE_BYTES: 4 * MiB,
  CLAIMGRAPH_JIT_CACHE_BYTES: 4 * MiB,
  CLAIMGRAPH_COST_CACHE_BYTES: 64 * KiB,
  CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES: 512 * KiB,
};
const CACHES = [
  'response_cache',
  'fast_lane',
  'fast_lane_met',
  'apq',
  'documents',
  'jit',
  'costs',
  'operation_names',
] as const;
const UNIQUE_OPERATIONS = 600;

let server: ServerProcess;
let url: string;

beforeAll(async () => {
  const budgets = Object.fromEntries(Object.entries(BUDGETS).map(([name, bytes]) => [name, String(bytes)]));
  server = await startServer(budgets, { nodeArgs: [`--max-old-space-size=${HEAP_MB}`], waitForSearch: false });
  url = `http://127.0.0.1:${server.port}/graphql`;
}, 60_000);

afterAll(async () => {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
});

/** The server's metrics: heap used, and each cache's bytes and budget. */
async function metrics() {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const value = (pattern: RegExp) => Number(text.match(pattern)?.[1]);
  const caches = Object.fromEntries(
    CACHES.map((cache) => [
      cache,
      {
        bytes: value(new RegExp(`claimgraph_cache_bytes\\{cache="${cache}"\\} (\\d+)`)),
        max: value(new RegExp(`claimgraph_cache_max_bytes\\{cache="${cache}"\\} (\\d+)`)),
        entries: value(new RegExp(`claimgraph_cache_entries\\{cache="${cache}"\\} (\\d+)`)),
      },
    ]),
  );
  return { heapUsed: value(/nodejs_heap_size_used_bytes (\d+)/), caches };
}

/** Operation `i`: its own name, aliases and so its own answer (some 60 KB: 14 article texts). */
function operation(i: number): string {
  const fields = Array.from({ length: 14 }, (_, n) => `a${i}_${n}: articles(first: $n) { nodes { text } }`);
  return `query Fill${i}($n: Int!) { ${fields.join(' ')} }`;
}

const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MB`;

describe(`the server under --max-old-space-size=${HEAP_MB}`, () => {
  it('keeps every cache within its budget, its heap bounded, and answers', async () => {
    const before = await metrics();
    let answered = 0;
    const heaps: number[] = [];
    let answerBytes = 0;
    const deadline = Date.now() + 120_000;
    for (let i = 0; i < UNIQUE_OPERATIONS && Date.now() < deadline; i++) {
      const query = operation(i);
      const extensions = {
        persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
      };
      // By text with its hash (APQ registers it), by text twice (the fast lane learns it), by hash alone.
      const plain = { query, variables: { n: 1 } };
      for (const body of [{ ...plain, extensions }, plain, plain, { variables: { n: 1 }, extensions }]) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        expect(response.status).toBe(200);
        answerBytes += text.length;
      }
      answered += 1;
      if (answered === UNIQUE_OPERATIONS / 3 || answered === (2 * UNIQUE_OPERATIONS) / 3) {
        heaps.push((await metrics()).heapUsed);
      }
    }
    expect(answered).toBe(UNIQUE_OPERATIONS);
    const after = await metrics();
    const budgets = Object.values(after.caches).reduce((sum, cache) => sum + cache.max, 0);
    console.log(
      `heap used: ${mb(before.heapUsed)} at start, ${heaps.map(mb).join(', ')} after a third and two thirds, ` +
        `${mb(after.heapUsed)} after ${answered * 4} requests ` +
        `(${UNIQUE_OPERATIONS} unique operations, ${mb(answerBytes)} of answers); caches' budgets ${mb(budgets)}; ` +
        `caches: ${CACHES.map((cache) => `${cache} ${mb(after.caches[cache]?.bytes ?? 0)}/${mb(after.caches[cache]?.max ?? 0)} (${after.caches[cache]?.entries} entries)`).join(', ')}`,
    );
    for (const cache of CACHES) {
      const { bytes, max } = after.caches[cache] ?? { bytes: Number.NaN, max: Number.NaN };
      // Filled past half its budget (the fill went beyond it: each evicts to make room), never over.
      expect(bytes, cache).toBeGreaterThan(max / 2);
      expect(bytes, cache).toBeLessThanOrEqual(max);
    }
    // The heap levels off once the caches are full: no higher at the end than a third of the way
    // (give or take garbage not yet collected), within the heap limit, for far more bytes of
    // answers than the heap could hold.
    heaps.push(after.heapUsed);
    const [third = 0, ...later] = heaps;
    for (const heap of later) expect(heap).toBeLessThan(third + 32 * MiB);
    expect(Math.max(...heaps)).toBeLessThan(HEAP_MB * MiB);
    expect(answerBytes).toBeGreaterThan(HEAP_MB * MiB);

    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);
    const again = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation(0), variables: { n: 1 } }),
    });
    expect(again.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 180_000);
});
