/**
 * `npm run coverage -- [data-dir]`: prints, for each article, every sentence with the claims,
 * events and mentions whose evidence lies in it, then the sentences that carry no claim or event.
 * Exits with 1 when a sentence that states something carries none (src/data/coverage.ts says
 * which sentences state nothing), with 2 when the data does not load.
 */
import { resolve } from 'node:path';
import { carriesClaim, type SentenceCoverage, sentenceCoverage, uncovered } from '../src/data/coverage.ts';
import { loadCorpus } from '../src/data/load.ts';
import { DataError } from '../src/errors.ts';
import { DEFAULT_DATA_DIR } from '../src/paths.ts';

const dataDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DATA_DIR;

let corpus: ReturnType<typeof loadCorpus>;
try {
  corpus = loadCorpus(dataDir);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(`coverage: bad data: ${error.message}`);
  process.exit(2);
}

let missed = 0;
for (const article of corpus.all('Article')) {
  const sentences = sentenceCoverage(corpus, article);
  const missing = uncovered(sentences);
  missed += missing.length;
  const stating = sentences.filter((s) => s.statesNothing === null).length;
  console.log(`# ${article.id}: ${article.title}`);
  console.log(
    `${sentences.length} sentences, ${stating} state something, ${stating - missing.length} carry a claim or event`,
  );
  for (const coverage of sentences) console.log(`\n${show(coverage)}`);
  console.log(`\nSentences that carry no claim or event (${missing.length}):`);
  for (const { sentence } of missing) console.log(`  [${sentence.index}] ${sentence.text}`);
  if (missing.length === 0) console.log('  none');
  const nothing = sentences.filter((s) => s.statesNothing !== null);
  console.log(`Sentences that state nothing (${nothing.length}):`);
  for (const { sentence, statesNothing } of nothing)
    console.log(`  [${sentence.index}] ${sentence.text}: ${statesNothing}`);
  console.log('');
}
process.exitCode = missed > 0 ? 1 : 0;

function show(coverage: SentenceCoverage): string {
  const { sentence, claims, mentions, statesNothing } = coverage;
  const lines = [`[${sentence.index}] ${sentence.text}`];
  if (statesNothing !== null) lines.push(`    states nothing: ${statesNothing}`);
  for (const { record, fields } of claims) lines.push(`    ${record.kind} ${record.id} (${fields.join(', ')})`);
  if (mentions.length > 0) {
    lines.push(
      `    mentions: ${mentions.map(({ record, fields }) => (fields.includes('titles') ? `${record} (title)` : record)).join(', ')}`,
    );
  }
  if (statesNothing === null && !carriesClaim(coverage)) lines.push('    NO CLAIM OR EVENT');
  return lines.join('\n');
}
