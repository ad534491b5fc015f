import type { Corpus } from './data/corpus.ts';
import { Loaders } from './loaders.ts';

/** What every resolver gets: the corpus, and DataLoaders that live for one request only. */
export interface Context {
  corpus: Corpus;
  loaders: Loaders;
}

export function createContext(corpus: Corpus): Context {
  return { corpus, loaders: new Loaders(corpus) };
}
