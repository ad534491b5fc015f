/**
 * The operations the repository keeps for the real article (examples/operations, and the
 * benchmark's bench/operations and bench/scale, whose variables name the article's records)
 * succeed on it, and graphql-jit answers each exactly as graphql-js does. test/performance.test.ts
 * checks the same of the fixture's operations on the fixture.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOperations } from '../../scripts/operations.ts';
import { loadConfig } from '../../src/config.ts';
import { articleCorpus, client } from '../helpers.ts';

const folders = ['examples/operations', 'bench/operations', 'bench/scale'];
const operations = folders.flatMap((folder) =>
  readOperations(fileURLToPath(new URL(`../../${folder}`, import.meta.url))).map((operation) => ({
    ...operation,
    file: `${folder}/${operation.name}.graphql`,
  })),
);

const withPerformance = (jit: boolean) => ({
  ...loadConfig({}),
  performance: { jit, responseCache: false, fastLane: false },
});
const plain = client(articleCorpus(), withPerformance(false));
const jit = client(articleCorpus(), withPerformance(true));

describe('operations kept for the article', () => {
  it('are found in every folder', () => {
    for (const folder of folders) expect(operations.some((operation) => operation.file.startsWith(folder))).toBe(true);
  });

  it.each(operations.map((operation) => [operation.file, operation] as const))(
    '%s succeeds, and the JIT answers it as graphql-js does',
    async (_file, { query, variables }) => {
      const expected = await plain.run(query, variables);
      expect(expected.errors).toBeUndefined();
      expect(expected.data).toBeTruthy();
      expect(await jit.run(query, variables)).toEqual(expected);
    },
  );
});
