/**
 * The records in the order documents.ts yields their documents, so that the main thread turns the
 * position a hit gives back into its record: articles, then entities file by file, then each
 * article's claims. The corpus holds each kind's records in file order, and each article's claims
 * in the order the loader reads its files; a test holds the two orders together.
 */
import type { Corpus } from '../data/corpus.ts';
import { ENTITY_FILES, type NodeRecord } from '../data/records.ts';

export function searchOrder(corpus: Corpus): NodeRecord[] {
  const articles = corpus.all('Article');
  const entities = Object.values(ENTITY_FILES).flatMap((kind) => corpus.all(kind));
  const claims = articles.flatMap((article) => corpus.related('claimsByArticle', article.id));
  return [...articles, ...entities, ...claims];
}
