/**
 * The seeded corpus generator that `npm run bench:scale` uses (scripts/generate-corpus.ts): what it
 * writes loads as data/ does, every piece of evidence verified, holds the records it reports, and
 * is the same corpus for the same seed. It starts from the real article under data/, but checks
 * none of its facts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countRecords, generateCorpus } from '../scripts/generate-corpus.ts';
import { loadCorpus } from '../src/data/load.ts';
import { DEFAULT_DATA_DIR } from '../src/paths.ts';
import { SearchIndex } from '../src/search/search.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generated(multiple: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-generated-'));
  dirs.push(dir);
  return { dir, ...generateCorpus(dir, multiple, seed) };
}

/** Every file under a folder, by its path from the folder, with its bytes. */
function files(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    entries.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
    }),
  );
}

describe('the generated corpus', () => {
  it('loads, with the articles and records it reports, and its search index builds', async () => {
    const { dir, records, articles } = generated(3, 7);
    // At least three times the records of data/, which it starts from.
    expect(records).toBeGreaterThanOrEqual(3 * countRecords(DEFAULT_DATA_DIR));
    const data = loadCorpus(dir);
    expect(data.all('Article')).toHaveLength(articles);
    expect(articles).toBeGreaterThan(1);
    // Records and mention records (what each article says of each entity), as the generator counts them.
    const nodes = [...data.records()];
    const mentions = nodes.reduce((sum, record) => sum + data.inArticles(record.id).length, 0);
    expect(nodes.length + mentions).toBe(records);
    expect(countRecords(dir)).toBe(records);
    const index = new SearchIndex(data);
    try {
      await index.ready;
      const [quote] = data.all('Quote').slice(-1);
      expect((await index.search(quote?.words.exact ?? '')).map((hit) => hit.record)).toContain(quote);
    } finally {
      index.close();
    }
  });

  it('is the same corpus for the same seed, and another for another seed', () => {
    const first = files(generated(2, 11).dir);
    expect(files(generated(2, 11).dir)).toEqual(first);
    expect(files(generated(2, 12).dir)).not.toEqual(first);
  });
});
