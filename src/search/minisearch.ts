/**
 * The MiniSearch index that worker.ts builds: its options, and what MiniSearch allocates
 * per document trimmed once every document is in.
 */
import MiniSearch, { type Options } from 'minisearch';
import { processTerm, SEARCH } from './analysis.ts';
import { SEARCH_FIELDS, type SearchDocument } from './documents.ts';

export const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  processTerm,
  searchOptions: {
    ...SEARCH,
    boost: { name: 3, aliases: 2, titles: 2, evidence: 1, notes: 0.5, text: 1 },
  },
};

/** The index of every document, in their order. */
export function buildIndex(documents: Iterable<SearchDocument>): MiniSearch<SearchDocument> {
  const index = new TrimmedMiniSearch(SEARCH_OPTIONS);
  for (const document of documents) index.add(document);
  index.trim();
  return index;
}

class TrimmedMiniSearch extends MiniSearch<SearchDocument> {
  /**
   * MiniSearch keeps each document's field lengths in an array that it grows from empty, and V8
   * gives an array grown from empty many more slots than the numbers it holds. A copy holds
   * its entries only. The lengths are kept, so every score is.
   */
  trim(): void {
    for (const [id, lengths] of this._fieldLength) this._fieldLength.set(id, lengths.slice());
  }
}
