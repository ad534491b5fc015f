/**
 * No query can take search down (issue 12): a one-word query of nearly 100,000 characters is
 * answered and the worker goes on; a query that runs too long is one error answer and its worker
 * is replaced; a worker that dies is replaced, the searches it held are answered with an error,
 * and /ready answers 503 until the new worker has built the index, 200 after.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/data/load.ts';
import { SearchIndex } from '../src/search/search.ts';
import { serve } from './http.ts';

const corpus = loadCorpus();
const indexes: SearchIndex[] = [];

function index(options: { timeoutMs?: number } = {}): SearchIndex {
  const created = new SearchIndex(corpus, options);
  indexes.push(created);
  return created;
}

afterAll(() => {
  for (const created of indexes) created.close();
});

/** Waits, at most `ms`, until `condition` holds. */
async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A word every corpus indexes: the first word of the first entity's name. */
const word = () => (corpus.allEntities()[0]?.name ?? '').split(' ').at(-1) as string;

describe('the search worker', () => {
  it('answers a one-word query of 99,800 characters, and goes on answering', async () => {
    const search = index();
    await search.ready;
    await expect(search.search('a'.repeat(99_800))).resolves.toEqual([]);
    await expect(search.search(`x${'ab'.repeat(20_000)}`)).resolves.toEqual([]);
    expect(search.available).toBe(true);
    expect((await search.search(word())).length).toBeGreaterThan(0);
  });

  it('answers a query that runs too long with one error, and replaces its worker', async () => {
    const search = index({ timeoutMs: 200 });
    await search.ready;
    // The worker cannot answer before the clock runs out: it is busy, as on a query that never ends.
    search.stallWorkerForTests(60_000);
    const failed = search.search(word());
    await expect(failed).rejects.toMatchObject({ extensions: { code: 'SEARCH_FAILED' } });
    await until(() => !search.available);
    await until(() => search.available);
  });

  it('replaces a worker that dies: the searches it held fail, later ones are answered', async () => {
    const search = index();
    await search.ready;
    // The worker is busy when it dies, so the search it holds cannot have been answered first.
    search.stallWorkerForTests(60_000);
    const held = search.search(word());
    await search.killWorkerForTests();
    await expect(held).rejects.toMatchObject({ extensions: { code: 'SEARCH_UNAVAILABLE' } });
    expect(search.available).toBe(false);
    // A search made while the new worker builds the index waits for it.
    const waiting = search.search(word());
    await until(() => search.available);
    expect((await waiting).length).toBeGreaterThan(0);
  });
});

describe('/ready', () => {
  it('answers 503 while search is unavailable, 200 once it is back', async () => {
    const search = index();
    await search.ready;
    const server = await serve({ corpus, search, ready: () => search.available });
    try {
      const ready = async () => (await fetch(`${server.origin}/ready`)).status;
      expect(await ready()).toBe(200);
      await search.killWorkerForTests();
      expect(await ready()).toBe(503);
      const response = await server.post({ query: `{ search(query: "${word()}x") { totalCount } }` });
      const body = await response.json();
      expect(body.data?.search?.totalCount ?? body.errors).toBeDefined();
      await until(() => search.available);
      expect(await ready()).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers a failed search as one coded error, and the next search normally', async () => {
    const search = index();
    await search.ready;
    const server = await serve({ corpus, search, ready: () => search.available });
    try {
      const pending = server.post({ query: `{ search(query: "${word()}") { totalCount } }` });
      await search.killWorkerForTests();
      const failed = await (await pending).json();
      if (failed.errors) {
        expect(failed.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
          'SEARCH_UNAVAILABLE',
        ]);
      }
      await until(() => search.available);
      const answered = await (await server.post({ query: `{ search(query: "${word()} y") { totalCount } }` })).json();
      expect(answered.errors).toBeUndefined();
      expect(answered.data.search.totalCount).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
