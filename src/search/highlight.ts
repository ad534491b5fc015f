/**
 * The words of a search hit to highlight: every word, in the passages of the text the hit
 * cites, whose term the query matched (analysis.ts), with its offsets in the article text.
 */
import type { Corpus } from '../data/corpus.ts';
import type { Evidence, Sentence } from '../data/evidence.ts';
import { evidenceOf } from '../data/passages.ts';
import type { NodeRecord } from '../data/records.ts';
import { processTerm, wordsOf } from './analysis.ts';
import type { SearchHit } from './search.ts';

/** A highlighted word: in which article, and where. */
export interface Highlight {
  article: string;
  exact: string;
  start: number;
  end: number;
}

/** The most words highlighted in one hit. */
export const MAX_HIGHLIGHTS = 100;

/** The hit's highlighted words, article by article in text order, each once. */
export function highlights(hit: SearchHit, corpus: Corpus): Highlight[] {
  const found = new Map<string, Highlight>();
  for (const { article, start, text } of passagesOf(hit.record, corpus)) {
    for (const word of wordsOf(text)) {
      const term = processTerm(word.word);
      if (term === null || !hit.terms.has(term)) continue;
      const at = start + word.start;
      found.set(`${article}:${at}`, { article, exact: word.word, start: at, end: start + word.end });
    }
  }
  const articles = articleOrder(corpus);
  return [...found.values()]
    .sort((a, b) => (articles.get(a.article) ?? 0) - (articles.get(b.article) ?? 0) || a.start - b.start)
    .slice(0, MAX_HIGHLIGHTS);
}

/** Each article's position in the corpus, by id: built once per corpus, not once per hit. */
const articleOrders = new WeakMap<Corpus, ReadonlyMap<string, number>>();
function articleOrder(corpus: Corpus): ReadonlyMap<string, number> {
  let order = articleOrders.get(corpus);
  if (!order) {
    order = new Map(corpus.all('Article').map((article, i) => [article.id, i]));
    articleOrders.set(corpus, order);
  }
  return order;
}

interface Passage {
  article: string;
  start: number;
  text: string;
}

const passage = (evidence: Evidence): Passage => ({
  article: evidence.article,
  start: evidence.start,
  text: evidence.exact,
});

/** The passages of the text a hit cites: a sentence itself, an entity's mentions and titles, a record's evidence. */
function passagesOf(record: NodeRecord | Sentence, corpus: Corpus): Passage[] {
  switch (record.kind) {
    case 'Sentence':
      return [{ article: record.article, start: record.start, text: record.text }];
    case 'Article':
      return [record.titleEvidence, record.publisher.evidence, ...record.published.evidence].map(passage);
    case 'Person':
    case 'Country':
    case 'Organization':
    case 'Place':
    case 'Item':
      return [
        ...corpus.mentions(record.id),
        ...corpus.inArticles(record.id).flatMap((entry) => entry.titles.flatMap((title) => title.evidence)),
      ].map(passage);
    default:
      return evidenceOf(record).map(passage);
  }
}
