/**
 * The records in the order documents.ts yields their documents, so that the main thread turns the
 * position a hit gives back into its record: articles, then entities file by file, then each
 * article's claims in the order the loader reads its files (events, agreements each followed by
 * its provisions, accusations, quotes). The corpus holds its records in that load order
 * (`Corpus.records`), and each kind's records in file order; a test holds the two orders together.
 * The sentences that follow the records are not records: search.ts finds them by position.
 */
import type { Corpus } from '../data/corpus.ts';
import { CLAIM_KIND_SET, type NodeRecord } from '../data/records.ts';

export function searchOrder(corpus: Corpus): NodeRecord[] {
  const articles = corpus.all('Article');
  const entities = corpus.allEntities();
  const claims = [...corpus.records()].filter((record) => CLAIM_KIND_SET.has(record.kind));
  return [...articles, ...entities, ...claims];
}
