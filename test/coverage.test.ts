/**
 * `npm run coverage -- <data-dir>` on a corpus written here: it prints every sentence with what
 * lies in it, lists the sentences that state something and carry no claim or event, and exits
 * non-zero while there are any; separators, labels, lone quotations and the publisher's line
 * state nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TEXT = ['Daily Example', 'Alpha praises Beta', '“Big plans”', 'Beta waved back.', '-', 'Related News :'].join(
  '\n\n',
);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A corpus of one article whose statements are `statements`. */
function corpus(statements: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-coverage-'));
  dirs.push(dir);
  const article = join(dir, 'articles', 'example');
  mkdirSync(join(dir, 'entities'), { recursive: true });
  mkdirSync(article, { recursive: true });
  const write = (file: string, json: unknown) => writeFileSync(file, JSON.stringify(json, null, 2));
  write(join(dir, 'entities', 'people.json'), [{ id: 'alpha', name: 'Alpha' }]);
  writeFileSync(join(article, 'text.txt'), TEXT);
  write(join(article, 'article.json'), {
    id: 'example',
    // A claim file is listed, and there, only when it holds records (docs/data.md).
    files: statements.length > 0 ? ['mentions.json', 'statements.json'] : ['mentions.json'],
    title: 'Alpha praises Beta',
    titleEvidence: { exact: 'Alpha praises Beta' },
    publisher: { name: 'Daily Example', evidence: { exact: 'Daily Example' } },
    language: 'en',
    published: { date: '2025-01-17', inference: 'Given for the test.', evidence: [{ exact: 'Daily Example' }] },
  });
  write(join(article, 'mentions.json'), [{ entity: 'alpha' }]);
  if (statements.length > 0) write(join(article, 'statements.json'), statements);
  return dir;
}

const PRAISE = {
  id: 'alpha-praises-beta',
  predicate: 'PRAISE',
  subjects: [{ ref: 'alpha', evidence: [{ exact: 'Alpha' }] }],
  objects: [{ evidence: [{ exact: 'Beta', prefix: 'praises ' }] }],
  evidence: [{ exact: 'Alpha praises Beta' }],
};

function coverage(dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/coverage.ts', dir], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run coverage', () => {
  it('lists a sentence that states something and carries no claim, and exits 1', () => {
    const run = coverage(corpus([PRAISE]));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('6 sentences, 2 state something, 1 carry a claim or event');
    expect(run.stdout).toContain(
      '[1] Alpha praises Beta\n    Statement alpha-praises-beta (subject, object, evidence)\n',
    );
    expect(run.stdout).toContain('[3] Beta waved back.\n    NO CLAIM OR EVENT');
    expect(run.stdout).toContain('Sentences that carry no claim or event (1):\n  [3] Beta waved back.\n');
    expect(run.stdout).toContain(
      'Sentences that state nothing (4):\n' +
        "  [0] Daily Example: the publisher's name: provenance, on the Article record\n" +
        '  [2] “Big plans”: a quotation alone, attributed to no one: a heading\n' +
        '  [4] -: a separator: no words\n' +
        '  [5] Related News :: a label for what follows, and nothing of the article follows\n',
    );
  });

  it('exits 0 once every such sentence carries a claim', () => {
    const waved = {
      id: 'beta-waved-back',
      predicate: 'PRAISE',
      subjects: [{ evidence: [{ exact: 'Beta', suffix: ' waved' }] }],
      evidence: [{ exact: 'Beta waved back.' }],
    };
    const run = coverage(corpus([PRAISE, waved]));
    expect(run.stdout).toContain('Sentences that carry no claim or event (0):\n  none\n');
    expect(run.status).toBe(0);
  });

  it('does not count a date phrase alone as carrying its claim', () => {
    const dated = {
      ...PRAISE,
      date: {
        precision: 'DAY',
        start: '2025-01-17',
        phrase: { exact: 'Beta waved back.' },
        resolution: 'Given for the test.',
      },
    };
    const run = coverage(corpus([dated]));
    expect(run.stdout).toContain(
      '[3] Beta waved back.\n    Statement alpha-praises-beta (date)\n    NO CLAIM OR EVENT',
    );
    expect(run.status).toBe(1);
  });

  it('exits 2 with the fault when the data does not load', () => {
    const run = coverage(corpus([{ ...PRAISE, predicate: 'ADMIRATION' }]));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^coverage: bad data: .*statements.json, record "alpha-praises-beta" \(#0\), field predicate/,
    );
  });
});
