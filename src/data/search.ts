/**
 * Full-text search over names, titles, quotes and the words of every claim, with MiniSearch (an
 * inverted index with prefix and fuzzy matching), built once when the corpus loads.
 */
import MiniSearch from 'minisearch';
import type { Corpus, NodeRecord } from './corpus.ts';

interface Document {
  id: string;
  name: string;
  text: string;
}

export interface SearchHit {
  record: NodeRecord;
  score: number;
}

export class SearchIndex {
  private readonly index = new MiniSearch<Document>({
    fields: ['name', 'text'],
    searchOptions: { boost: { name: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });

  constructor(private readonly corpus: Corpus) {
    this.index.addAll([...corpus.records()].map((record) => this.document(record)));
  }

  search(query: string): SearchHit[] {
    return this.index.search(query).flatMap((result) => {
      const record = this.corpus.get(result.id);
      return record ? [{ record, score: result.score }] : [];
    });
  }

  private document(record: NodeRecord): Document {
    const words = (evidence: readonly { exact: string }[]) => evidence.map((e) => e.exact).join(' ');
    switch (record.kind) {
      case 'Person':
      case 'Country':
      case 'Organization':
      case 'Place':
      case 'Item': {
        const mentions = this.corpus.mentions(record.id);
        const titles = mentions.flatMap((m) => m.titles.map((title) => title.title));
        return {
          id: record.id,
          name: record.name,
          text: [...titles, ...mentions.map((m) => words(m.evidence))].join(' '),
        };
      }
      case 'Article':
        return { id: record.id, name: record.title, text: record.publisher.name };
      case 'Agreement':
        return { id: record.id, name: record.name, text: words(record.evidence) };
      case 'Provision':
        return { id: record.id, name: record.summary, text: words(record.evidence) };
      case 'Accusation':
        return { id: record.id, name: record.act, text: words(record.evidence) };
      case 'Quote':
        return { id: record.id, name: record.words.exact, text: words(record.evidence) };
      case 'Event':
        return { id: record.id, name: record.name, text: words(record.evidence) };
    }
  }
}
