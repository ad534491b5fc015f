/**
 * The documents of the search index, read straight from the data files: articles, then entities,
 * then each article's claims. MiniSearch's scores and the order of equal scores depend on that
 * order. A document's id is its position in it: the worker keeps numbers, not the records' id
 * strings, and the main thread turns a position back into its record with `searchOrder`
 * (order.ts).
 *
 * - an entity: its name; the titles and the words of every mention, article by article
 * - an article: its title; its publisher
 * - a claim: its name (an event's or agreement's name, a provision's summary, an accusation's
 *   act, a quote's words, a statement's predicate in words: "close ties"); the words of its
 *   evidence
 *
 * The files are read as they are, unverified: this runs in the search worker, started once the
 * loader has verified them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AccusationFile,
  AgreementFile,
  ArticleFile,
  EventFile,
  EvidenceFile,
  MentionFile,
  QuoteFile,
  StatementFile,
} from '../data/files.ts';
import { ENTITY_FILES } from '../data/records.ts';

export interface SearchDocument {
  /** The document's position among all documents. */
  id: number;
  name: string;
  text: string;
}

export function* searchDocuments(dataDir: string): Generator<SearchDocument> {
  let id = 0;
  const articlesDir = join(dataDir, 'articles');
  const articles = readdirSync(articlesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(articlesDir, entry.name))
    .sort();
  const mentioned = new Map<string, { titles: string[]; words: string[] }>();
  for (const dir of articles) {
    const article = read<ArticleFile>(join(dir, 'article.json'));
    if (!article) continue;
    yield { id: id++, name: article.title, text: article.publisher.name };
    for (const mention of read<MentionFile[]>(join(dir, 'mentions.json')) ?? []) {
      let entity = mentioned.get(mention.entity);
      if (!entity) {
        entity = { titles: [], words: [] };
        mentioned.set(mention.entity, entity);
      }
      for (const title of mention.titles ?? []) entity.titles.push(title.title);
      entity.words.push(words(mention.evidence));
    }
  }
  for (const name of Object.keys(ENTITY_FILES)) {
    for (const entity of read<{ id: string; name: string }[]>(join(dataDir, 'entities', `${name}.json`)) ?? []) {
      const { titles = [], words = [] } = mentioned.get(entity.id) ?? {};
      yield { id: id++, name: entity.name, text: [...titles, ...words].join(' ') };
    }
  }
  // Every mention's words are in the entities' documents: not kept while the claims are read.
  mentioned.clear();
  for (const dir of articles) {
    for (const event of read<EventFile[]>(join(dir, 'events.json')) ?? []) {
      yield { id: id++, name: event.name, text: words(event.evidence) };
    }
    for (const agreement of read<AgreementFile[]>(join(dir, 'agreements.json')) ?? []) {
      yield { id: id++, name: agreement.name, text: words(agreement.evidence) };
      for (const provision of agreement.provisions ?? []) {
        yield { id: id++, name: provision.summary, text: words(provision.evidence) };
      }
    }
    for (const accusation of read<AccusationFile[]>(join(dir, 'accusations.json')) ?? []) {
      yield { id: id++, name: accusation.act, text: words(accusation.evidence) };
    }
    for (const quote of read<QuoteFile[]>(join(dir, 'quotes.json')) ?? []) {
      yield { id: id++, name: quote.words.exact, text: words(quote.evidence) };
    }
    for (const statement of read<StatementFile[]>(join(dir, 'statements.json')) ?? []) {
      yield { id: id++, name: predicateWords(statement.predicate), text: words(statement.evidence) };
    }
  }
}

/** A predicate as words: CLOSE_TIES is "close ties". */
function predicateWords(predicate: string): string {
  return predicate.toLowerCase().replaceAll('_', ' ');
}

function words(evidence: readonly EvidenceFile[]): string {
  return evidence.map((e) => e.exact).join(' ');
}

/** A JSON file as it stands, or undefined when it is missing. */
function read<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
