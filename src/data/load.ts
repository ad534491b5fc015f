/**
 * Loads data/: reads and checks every file (read.ts, files.ts), defines every id (ids.ts), builds
 * the records with their evidence placed in the article text (build.ts), and indexes the corpus
 * (corpus.ts, relations.ts). Any fault stops the load with a DataError naming the file, the
 * record and the field.
 */
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { DataError } from '../errors.ts';
import { DEFAULT_DATA_DIR } from '../paths.ts';
import * as build from './build.ts';
import { type Load, RecordReader, StringPool } from './build.ts';
import { Corpus } from './corpus.ts';
import { ArticleText } from './evidence.ts';
import { files } from './files.ts';
import { IdRegistry } from './ids.ts';
import { checkAmbiguity, findMentions, type Mention } from './mentions.ts';
import { readBytes, readJson, recordLabel, showPath, subfolders } from './read.ts';
import { ENTITY_FILES, ENTITY_KINDS, type EntityRecord, type Kind } from './records.ts';

/** The claim files an article folder may hold, in the order they are read. */
const CLAIM_FILES = ['mentions', 'agreements', 'accusations', 'quotes', 'events', 'statements'] as const;

export function loadCorpus(dataDir: string = DEFAULT_DATA_DIR): Corpus {
  const corpus = new Corpus(dataDir);
  const load: Load = { ids: new IdRegistry(), strings: new StringPool() };

  const entities = Object.entries(ENTITY_FILES).map(([name, kind]) => {
    const file = showPath(join(dataDir, 'entities', `${name}.json`));
    const records = readJson(file, files[name as keyof typeof ENTITY_FILES], []);
    for (const [index, record] of records.entries()) define(load, record.id, kind, file, index);
    return { file, kind, records };
  });
  for (const { file, kind, records } of entities) {
    for (const [index, record] of records.entries()) {
      const country = 'country' in record ? (record.country as string | undefined) : undefined;
      if (country) new RecordReader(load, file, record.id, index).check(country, ['Country'], 'country');
      corpus.add(build.entity(record, kind));
    }
  }

  const articlesDir = join(dataDir, 'articles');
  const articles = subfolders(articlesDir);
  if (articles.length === 0) throw new DataError(showPath(articlesDir), undefined, undefined, 'no article folders');
  // One article at a time: its files are read, checked and turned into records before the next
  // is read, so no more than one article's parsed files is held at once.
  for (const dir of articles) loadArticle(corpus, load, dataDir, dir);
  load.ids.checkPending();

  corpus.index();
  for (const { file, records } of entities) {
    for (const [index, { id }] of records.entries()) {
      const fault = (field: string, problem: string) => new DataError(file, recordLabel(id, index), field, problem);
      if (corpus.inArticles(id).length === 0) throw fault('id', 'no article mentions this entity');
      for (const [i, name] of (corpus.get(id) as EntityRecord).names.entries()) {
        const field = i === 0 ? 'name' : `aliases[${i - 1}].text`;
        if (name.written && name.occurrences === 0) {
          const hint = i === 0 ? ': say "nameWritten": false if no article writes it' : '';
          throw fault(field, `${JSON.stringify(name.text)} occurs in no article that mentions the entity${hint}`);
        }
        if (!name.written && name.occurrences > 0) {
          throw fault('nameWritten', `${JSON.stringify(name.text)} occurs in an article that mentions the entity`);
        }
      }
    }
  }
  return corpus;
}

function loadArticle(corpus: Corpus, load: Load, dataDir: string, dir: string): void {
  const metaFile = showPath(join(dir, 'article.json'));
  const meta = readJson(metaFile, files.article);
  define(load, meta.id, 'Article', metaFile, undefined);
  const textPath = join(dir, 'text.txt');
  const bytes = readBytes(textPath) as Buffer;
  const text = new ArticleText(meta.id, bytes.toString('utf8'), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const reader = (file: string, id: string | undefined, index: number | undefined) =>
    new RecordReader(load, file, id, index, text);

  const paths = Object.fromEntries(CLAIM_FILES.map((name) => [name, showPath(join(dir, `${name}.json`))])) as Record<
    (typeof CLAIM_FILES)[number],
    string
  >;
  const parts = {
    mentions: readJson(paths.mentions, files.mentions, []),
    agreements: readJson(paths.agreements, files.agreements, []),
    accusations: readJson(paths.accusations, files.accusations, []),
    quotes: readJson(paths.quotes, files.quotes, []),
    events: readJson(paths.events, files.events, []),
    statements: readJson(paths.statements, files.statements, []),
  };
  // Every id of the article is defined before any reference is checked: a record may name a
  // record further down its file, or in another file of the article.
  for (const [index, agreement] of parts.agreements.entries()) {
    define(load, agreement.id, 'Agreement', paths.agreements, index);
    for (const provision of agreement.provisions) define(load, provision.id, 'Provision', paths.agreements, index);
  }
  for (const [index, accusation] of parts.accusations.entries()) {
    define(load, accusation.id, 'Accusation', paths.accusations, index);
  }
  for (const [index, quote] of parts.quotes.entries()) define(load, quote.id, 'Quote', paths.quotes, index);
  for (const [index, event] of parts.events.entries()) define(load, event.id, 'Event', paths.events, index);
  for (const [index, statement] of parts.statements.entries()) {
    define(load, statement.id, 'Statement', paths.statements, index);
  }

  corpus.add(build.article(meta, text, sha256, relative(dataDir, textPath), reader(metaFile, meta.id, undefined)));
  const mentions: Mention[][] = [];
  for (const [index, mention] of parts.mentions.entries()) {
    const read = reader(paths.mentions, mention.entity, index);
    read.check(mention.entity, ENTITY_KINDS, 'entity');
    // Articles are read one after another: an earlier mention from this one would be the last.
    if (corpus.inArticles(mention.entity).at(-1)?.article === meta.id) {
      throw read.error('entity', `entity ${JSON.stringify(mention.entity)} has a second mention record`);
    }
    const found = findMentions(text, corpus.get(mention.entity) as EntityRecord, mention, read);
    const entry = build.entityInArticle(mention, meta.id, read);
    entry.mentionCount = found.length;
    corpus.addEntityInArticle(entry, found);
    mentions.push(found);
  }
  checkAmbiguity(mentions, (entity, problem) => {
    const index = parts.mentions.findIndex((mention) => mention.entity === entity);
    return reader(paths.mentions, entity, index).error('entity', problem);
  });
  corpus.addArticleText(text);
  for (const [index, event] of parts.events.entries()) {
    corpus.add(build.event(event, meta.id, reader(paths.events, event.id, index)));
  }
  for (const [index, agreement] of parts.agreements.entries()) {
    for (const record of build.agreement(agreement, meta.id, reader(paths.agreements, agreement.id, index))) {
      corpus.add(record);
    }
  }
  for (const [index, accusation] of parts.accusations.entries()) {
    corpus.add(build.accusation(accusation, meta.id, reader(paths.accusations, accusation.id, index)));
  }
  for (const [index, quote] of parts.quotes.entries()) {
    corpus.add(build.quote(quote, meta.id, reader(paths.quotes, quote.id, index)));
  }
  for (const [index, statement] of parts.statements.entries()) {
    const read = reader(paths.statements, statement.id, index);
    const record = build.statement(statement, meta.id, read);
    build.checkAttribution(record, (id) => corpus.get(id), read);
    corpus.add(record);
  }
  text.placed();
}

function define(load: Load, id: string, kind: Kind, file: string, index: number | undefined): void {
  load.ids.define(id, kind, file, (problem) => new DataError(file, recordLabel(id, index), 'id', problem));
}
