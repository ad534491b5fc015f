/**
 * How text is cut into search terms, shared by the index (worker.ts) and the main thread (which
 * finds the words of a hit to highlight): words are cut at white space and punctuation, as
 * MiniSearch cuts them; each word is lower-cased, English stop words are dropped (the `stopword`
 * package's list) and the rest reduced to their stems with the Porter stemmer (the `stemmer`
 * package), so "accusations", "accused" and "accusation" are one term.
 *
 * What a query may cost is bounded here: a query has at most MAX_QUERY_WORDS words; prefix
 * matching takes words of at least MIN_PREFIX characters, and fuzzy matching words of at most
 * MAX_FUZZY characters, since MiniSearch's fuzzy match allocates about (L+1)×(L+d) bytes for a
 * word of length L.
 */
import type { SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** How many distinct words (stop words aside) a query may have: each is a bit of a 32-bit mask. */
export const MAX_QUERY_WORDS = 30;
/** The shortest word matched as a prefix of longer ones ("pezesh" finds "Pezeshkian"). */
export const MIN_PREFIX = 3;
/** The longest word matched with slight misspellings (fuzzy); longer ones must match exactly. */
export const MAX_FUZZY = 24;

const STOP_WORDS: ReadonlySet<string> = new Set(eng);

/** The term a word is indexed and searched by; null for a stop word. */
export function processTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  return stemmer(lower);
}

/** Characters that separate words: MiniSearch's own tokenizer splits at these. */
export const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** The words of a text with their offsets in it. */
export function* wordsOf(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(WORD)) {
    yield { word: match[0], start: match.index, end: match.index + match[0].length };
  }
}

/** A query's distinct terms, in order, each with the first word of the query that gave it. */
export function queryTerms(query: string): { word: string; term: string }[] {
  const terms = new Map<string, string>();
  for (const word of query.split(SEPARATORS)) {
    if (word === '') continue;
    const term = processTerm(word);
    if (term !== null && !terms.has(term)) terms.set(term, word);
  }
  return [...terms].map(([term, word]) => ({ term, word }));
}

/** MiniSearch's search options: any word may match, prefix and fuzzy matching where cheap. */
export const SEARCH: SearchOptions = {
  combineWith: 'OR',
  prefix: (term) => term.length >= MIN_PREFIX,
  fuzzy: (term) => (term.length <= MAX_FUZZY ? 0.15 : false),
  maxFuzzy: 3,
};
