import type { Corpus } from './data/corpus.ts';
import { Loaders } from './loaders.ts';
import type { SearchIndex } from './search/search.ts';

/** What every resolver gets: the corpus, its search index, and DataLoaders that live for one request only. */
export interface Context {
  corpus: Corpus;
  search: SearchIndex;
  loaders: Loaders;
}

export function createContext(corpus: Corpus, search: SearchIndex): Context {
  return { corpus, search, loaders: new Loaders(corpus) };
}
