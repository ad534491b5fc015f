/**
 * The seed article's coverage (`npm run coverage`): every sentence that states something carries
 * a claim or an event, and the rule of src/data/coverage.ts sets aside only the sentences that
 * state nothing.
 */
import { describe, expect, it } from 'vitest';
import { sentenceCoverage, uncovered } from '../../src/data/coverage.ts';
import { articleCorpus } from '../helpers.ts';

const SEED = 'a16048bde2f63942';

describe('coverage of the seed article', () => {
  const data = articleCorpus();
  const article = data.all('Article').find((a) => a.id === SEED);
  if (!article) throw new Error(`no article ${SEED}`);
  const coverage = sentenceCoverage(data, article);

  it('has a claim or an event in every sentence that states something', () => {
    expect(uncovered(coverage).map(({ sentence }) => sentence.text)).toEqual([]);
  });

  it('sets aside as stating nothing only the masthead, a quoted heading, the separators and the trailing label', () => {
    expect(coverage.filter((s) => s.statesNothing !== null).map(({ sentence }) => sentence.text)).toEqual([
      'DayFR Euro',
      '“Ambitious goals”',
      '-',
      '--',
      'Related News :',
    ]);
    expect(coverage).toHaveLength(41);
  });
});
