/**
 * The documents of the search index, read straight from the data files: articles, then entities,
 * then each article's claims, one document per record; then every sentence of every article,
 * article by article. MiniSearch's scores and the order of equal scores depend on that order. A
 * document's id is its position in it: the worker keeps numbers, not the records' id strings, and
 * the main thread turns a position back into its record with `searchOrder` (order.ts), or into a
 * sentence from the sentence counts the worker reports.
 *
 * Every text the API serves is in some field of its record's document:
 *
 * - NAME: an entity's name, an article's title, an event's or agreement's name, a provision's
 *   summary, an accusation's act, a quote's words, a statement's predicate in words ("close ties");
 * - ALIAS: an entity's aliases, and the descriptions that stand for it in each article;
 * - TITLE: the titles the articles give an entity;
 * - EVIDENCE: the words of every passage a record cites (its evidence, and that of its roles,
 *   responses, dates, quoted words, publisher and publication date);
 * - NOTE: how a date was resolved or inferred;
 * - TEXT: a sentence's text.
 *
 * The files are read as they are, unverified: this runs in the search worker, started once the
 * loader has verified them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../data/evidence.ts';
import type {
  AccusationFile,
  AgreementFile,
  ArticleFile,
  EventFile,
  MentionFile,
  PersonFile,
  QuoteFile,
  StatementFile,
} from '../data/files.ts';
import { ENTITY_FILES, NODE_KINDS } from '../data/records.ts';

/** The fields of a document, in the order of the bits that say which of them matched. */
export const SEARCH_FIELDS = ['name', 'aliases', 'titles', 'evidence', 'notes', 'text'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** What a document can be: a record of one of the kinds, or a sentence; its index is `kind`. */
export const SEARCH_KINDS = [...NODE_KINDS, 'Sentence'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchDocument = { id: number; kind: number } & Partial<Record<SearchField, string>>;

const kind = (name: SearchKind) => SEARCH_KINDS.indexOf(name);

export function* searchDocuments(dataDir: string, sentences?: (counts: number[]) => void): Generator<SearchDocument> {
  let id = 0;
  const articlesDir = join(dataDir, 'articles');
  const articles = readdirSync(articlesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(articlesDir, entry.name))
    .sort();
  const mentioned = new Map<string, { aliases: string[]; titles: string[] }>();
  const metas: (ArticleFile | undefined)[] = [];
  for (const dir of articles) {
    const article = read<ArticleFile>(join(dir, 'article.json'));
    metas.push(article);
    if (!article) continue;
    yield {
      id: id++,
      kind: kind('Article'),
      name: article.title,
      evidence: words([article.titleEvidence, article.publisher, article.published]),
      notes: article.published.inference,
    };
    for (const mention of read<MentionFile[]>(join(dir, 'mentions.json')) ?? []) {
      let entity = mentioned.get(mention.entity);
      if (!entity) {
        entity = { aliases: [], titles: [] };
        mentioned.set(mention.entity, entity);
      }
      for (const description of mention.descriptions ?? []) entity.aliases.push(description.exact);
      for (const title of mention.titles ?? []) entity.titles.push(title.title, words(title.evidence));
    }
  }
  for (const [name, entityKind] of Object.entries(ENTITY_FILES)) {
    for (const entity of read<PersonFile[]>(join(dataDir, 'entities', `${name}.json`)) ?? []) {
      const { aliases = [], titles = [] } = mentioned.get(entity.id) ?? {};
      yield {
        id: id++,
        kind: kind(entityKind),
        name: entity.name,
        aliases: [...(entity.aliases ?? []).map((alias) => alias.text), ...aliases].join(' '),
        titles: titles.join(' '),
      };
    }
  }
  // The descriptions and titles are in the entities' documents: not kept while the claims are read.
  mentioned.clear();
  for (const dir of articles) {
    for (const event of read<EventFile[]>(join(dir, 'events.json')) ?? []) {
      yield { id: id++, kind: kind('Event'), name: event.name, evidence: words(event), notes: event.date.resolution };
    }
    for (const agreement of read<AgreementFile[]>(join(dir, 'agreements.json')) ?? []) {
      const { provisions = [], ...own } = agreement;
      yield { id: id++, kind: kind('Agreement'), name: agreement.name, evidence: words(own) };
      for (const provision of provisions) {
        yield { id: id++, kind: kind('Provision'), name: provision.summary, evidence: words(provision) };
      }
    }
    for (const accusation of read<AccusationFile[]>(join(dir, 'accusations.json')) ?? []) {
      yield { id: id++, kind: kind('Accusation'), name: accusation.act, evidence: words(accusation) };
    }
    for (const quote of read<QuoteFile[]>(join(dir, 'quotes.json')) ?? []) {
      yield { id: id++, kind: kind('Quote'), name: quote.words.exact, evidence: words(quote) };
    }
    for (const statement of read<StatementFile[]>(join(dir, 'statements.json')) ?? []) {
      yield {
        id: id++,
        kind: kind('Statement'),
        name: predicateWords(statement.predicate),
        evidence: words(statement),
        notes: statement.date?.resolution,
      };
    }
  }
  // Sentences last, article by article: found as the loader finds them.
  const counts: number[] = [];
  for (const [i, dir] of articles.entries()) {
    const meta = metas[i];
    if (!meta) continue;
    const sentences = segment(meta.id, readFileSync(join(dir, 'text.txt'), 'utf8'));
    counts.push(sentences.length);
    for (const sentence of sentences) yield { id: id++, kind: kind('Sentence'), text: sentence.text };
  }
  sentences?.(counts);
}

/** The words of every passage in a record of a file: each `exact` anywhere inside it. */
function words(value: unknown): string {
  const found: string[] = [];
  collect(value, found);
  return found.join(' ');
}

function collect(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value !== null && typeof value === 'object') {
    const { exact } = value as { exact?: unknown };
    if (typeof exact === 'string') into.push(exact);
    else for (const item of Object.values(value)) collect(item, into);
  }
}

/** A predicate as words: CLOSE_TIES is "close ties". */
export function predicateWords(predicate: string): string {
  return predicate.toLowerCase().replaceAll('_', ' ');
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
