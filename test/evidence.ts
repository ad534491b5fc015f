/**
 * Every piece of evidence the server serves, for every record of a corpus, read through the fields
 * the schema exposes, and checked against the text files themselves: the exact words at the
 * offsets given, the sentence around them, the prefix and suffix, and the SHA-256 of the text they
 * belong to. Used on the fixture (test/evidence.test.ts) and on the article
 * (test/article/article-data.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Corpus } from '../src/data/corpus.ts';
import { client, globalId, withCost } from './helpers.ts';

const EVIDENCE_OF_EVERY_TYPE = /* GraphQL */ `
  fragment E on Evidence { exact prefix suffix start end sentence { start end text } article { id sha256 } }
  query ($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Entity {
        mentions(first: 100) { nodes { exact start end sentence { start end text } article { id sha256 } } }
        titles(first: 100) { nodes { evidence { ...E } relatedTo { evidence { ...E } } } }
      }
      ... on Claim { evidence { ...E } }
      ... on Accusation {
        accusers { evidence { ...E } } accused { evidence { ...E } } items { evidence { ...E } }
        beneficiaries { evidence { ...E } } responses { evidence { ...E } }
      }
      ... on Agreement {
        parties { evidence { ...E } } signatories { evidence { ...E } } publishedBy { evidence { ...E } }
        sectionCountEvidence { ...E } nameEvidence { ...E }
      }
      ... on Quote { words { ...E } speakerEvidence { ...E } channelEvidence { ...E } about { evidence { ...E } } }
      ... on Event {
        date { phrase { ...E } } place { evidence { ...E } } participants { evidence { ...E } }
        about { evidence { ...E } } partOf { evidence { ...E } }
      }
      ... on Statement {
        roles { evidence { ...E } } attribution { speakers { evidence { ...E } } } statementDate: date { phrase { ...E } }
      }
      ... on Article { titleEvidence { ...E } publisherEvidence { ...E } publicationDateEvidence { ...E } }
    }
  }
`;

export interface ServedEvidence {
  exact: string;
  prefix: string | null;
  suffix: string | null;
  start: number;
  end: number;
  sentence: { start: number; end: number; text: string };
  article: { id: string; sha256: string };
}

/** Every object in a JSON tree that has an `exact` field: the evidence a response holds. */
function collect(value: unknown, into: ServedEvidence[] = []): ServedEvidence[] {
  if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value && typeof value === 'object') {
    if ('exact' in value) into.push(value as ServedEvidence);
    else for (const item of Object.values(value)) collect(item, into);
  }
  return into;
}

/**
 * Fetches the evidence of every record of `corpus` through the server, checks each piece against
 * its article's text file, and returns them all. As many are served as the loaded records hold.
 */
export async function servedEvidenceVerbatim(corpus: Corpus): Promise<ServedEvidence[]> {
  const api = client(corpus, withCost(10_000_000));
  const records = [...corpus.records()];
  const ids = records.map((record) => globalId(record.kind, record.id));
  const served: ServedEvidence[] = [];
  for (let i = 0; i < ids.length; i += 10) {
    const { data, errors } = await api.run(EVIDENCE_OF_EVERY_TYPE, { ids: ids.slice(i, i + 10) });
    expect(errors).toBeUndefined();
    collect(data, served);
  }
  // Evidence objects held by the loaded records, their mentions and what each article says of
  // them, counted the same way.
  const loaded = records.map((record) => [corpus.mentions(record.id), corpus.inArticles(record.id)]);
  expect(served.length).toBe(collect([records, loaded]).length);

  const texts = new Map(
    corpus.all('Article').map((article) => {
      const bytes = readFileSync(join(corpus.dataDir, article.textFile));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return [globalId('Article', article.id), { text: bytes.toString('utf8'), sha256 }];
    }),
  );
  for (const evidence of served) {
    const file = texts.get(evidence.article.id);
    if (!file) throw new Error(`evidence of an unknown article ${evidence.article.id}`);
    const { text } = file;
    expect(evidence.article.sha256).toBe(file.sha256);
    expect(text.slice(evidence.start, evidence.end)).toBe(evidence.exact);
    expect(text.slice(evidence.sentence.start, evidence.sentence.end)).toBe(evidence.sentence.text);
    expect(evidence.sentence.start).toBeLessThanOrEqual(evidence.start);
    if (evidence.prefix)
      expect(text.slice(evidence.start - evidence.prefix.length, evidence.start)).toBe(evidence.prefix);
    if (evidence.suffix) expect(text.slice(evidence.end, evidence.end + evidence.suffix.length)).toBe(evidence.suffix);
  }
  return served;
}
