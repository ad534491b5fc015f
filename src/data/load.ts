/**
 * Loads data/: reads and checks every file (read.ts, files.ts), defines every id (ids.ts), builds
 * the records with their evidence placed in the article text (build.ts), and indexes the corpus
 * (corpus.ts, relations.ts). Any fault stops the load with a DataError naming the file, the
 * record and the field; a folder holding a file the format does not know of is a fault too.
 */
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { DataError } from '../errors.ts';
import { DEFAULT_DATA_DIR } from '../paths.ts';
import * as build from './build.ts';
import { type Load, RecordReader, StringPool } from './build.ts';
import { Corpus } from './corpus.ts';
import { ArticleText } from './evidence.ts';
import { type ArticleFile, CLAIM_FILES, type ClaimFile, files } from './files.ts';
import { IdRegistry } from './ids.ts';
import { checkAmbiguity, findMentions, type Mention } from './mentions.ts';
import { articleFolders, entries, fault, readJson, readText, recordLabel, requireFolder, showPath } from './read.ts';
import { ENTITY_FILES, ENTITY_KINDS, type EntityRecord, type Kind } from './records.ts';

export function loadCorpus(dataDir: string = DEFAULT_DATA_DIR): Corpus {
  requireFolder(dataDir, 'the data folder is missing');
  const corpus = new Corpus(dataDir);
  const load: Load = { ids: new IdRegistry(), strings: new StringPool() };
  // Each entity file may be left out (a corpus with no organizations), entities/ as well.
  onlyKnownFiles(
    join(dataDir, 'entities'),
    Object.keys(ENTITY_FILES).map((name) => `${name}.json`),
    true,
  );

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
  requireFolder(articlesDir, 'folder is missing');
  const articles = articleFolders(articlesDir);
  if (articles.length === 0) throw fault(articlesDir, 'no article folders');
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
  const listed = listedFiles(meta, metaFile);
  onlyKnownFiles(dir, ['article.json', 'text.txt', ...listed]);
  define(load, meta.id, 'Article', metaFile, undefined);
  const textPath = join(dir, 'text.txt');
  const { text: content, bytes } = readText(textPath);
  const text = new ArticleText(meta.id, content, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const reader = (file: string, id: string | undefined, index: number | undefined) =>
    new RecordReader(load, file, id, index, text);

  const path = Object.fromEntries(
    CLAIM_FILES.map((file) => [file.slice(0, -'.json'.length), showPath(join(dir, file))]),
  ) as Record<ClaimName, string>;
  // A listed file must be there and hold records; one not listed is not there (onlyKnownFiles).
  const claims = <S extends z.ZodType<unknown[]>>(name: ClaimName, schema: S): z.infer<S> => {
    if (!listed.has(`${name}.json`)) return [] as z.infer<S>;
    const records = readJson(path[name], schema, undefined, 'file is missing (article.json lists it in "files")');
    if (records.length === 0) {
      throw fault(
        path[name],
        'holds no records: an article with none leaves the file out, and out of article.json\'s "files"',
      );
    }
    return records;
  };
  const parts = {
    mentions: claims('mentions', files.mentions),
    agreements: claims('agreements', files.agreements),
    accusations: claims('accusations', files.accusations),
    quotes: claims('quotes', files.quotes),
    events: claims('events', files.events),
    statements: claims('statements', files.statements),
  };
  // Every id of the article is defined before any reference is checked: a record may name a
  // record further down its file, or in another file of the article.
  for (const [index, agreement] of parts.agreements.entries()) {
    define(load, agreement.id, 'Agreement', path.agreements, index);
    for (const provision of agreement.provisions) define(load, provision.id, 'Provision', path.agreements, index);
  }
  for (const [index, accusation] of parts.accusations.entries()) {
    define(load, accusation.id, 'Accusation', path.accusations, index);
  }
  for (const [index, quote] of parts.quotes.entries()) define(load, quote.id, 'Quote', path.quotes, index);
  for (const [index, event] of parts.events.entries()) define(load, event.id, 'Event', path.events, index);
  for (const [index, statement] of parts.statements.entries()) {
    define(load, statement.id, 'Statement', path.statements, index);
  }

  corpus.add(build.article(meta, text, sha256, relative(dataDir, textPath), reader(metaFile, meta.id, undefined)));
  const mentions: Mention[][] = [];
  for (const [index, mention] of parts.mentions.entries()) {
    const read = reader(path.mentions, mention.entity, index);
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
    return reader(path.mentions, entity, index).error('entity', problem);
  });
  corpus.addArticleText(text);
  for (const [index, event] of parts.events.entries()) {
    corpus.add(build.event(event, meta.id, reader(path.events, event.id, index)));
  }
  for (const [index, agreement] of parts.agreements.entries()) {
    for (const record of build.agreement(agreement, meta.id, reader(path.agreements, agreement.id, index))) {
      corpus.add(record);
    }
  }
  for (const [index, accusation] of parts.accusations.entries()) {
    corpus.add(build.accusation(accusation, meta.id, reader(path.accusations, accusation.id, index)));
  }
  for (const [index, quote] of parts.quotes.entries()) {
    corpus.add(build.quote(quote, meta.id, reader(path.quotes, quote.id, index)));
  }
  for (const [index, statement] of parts.statements.entries()) {
    const read = reader(path.statements, statement.id, index);
    const record = build.statement(statement, meta.id, read);
    build.checkAttribution(record, (id) => corpus.get(id), read);
    corpus.add(record);
  }
  text.placed();
}

function define(load: Load, id: string, kind: Kind, file: string, index: number | undefined): void {
  load.ids.define(id, kind, file, (problem) => new DataError(file, recordLabel(id, index), 'id', problem));
}

/** A claim file's name without `.json`: how `files` and the parts of an article name it. */
type ClaimName = ClaimFile extends `${infer Name}.json` ? Name : never;

/** The claim files article.json lists, each once. */
function listedFiles(meta: ArticleFile, metaFile: string): Set<ClaimFile> {
  const listed = new Set(meta.files);
  if (listed.size < meta.files.length) {
    const twice = meta.files.find((name, index) => meta.files.indexOf(name) !== index);
    throw new DataError(metaFile, recordLabel(meta.id, undefined), 'files', `lists ${twice} twice`);
  }
  return listed;
}

/** Refuses anything in a folder but the files the format expects there: a misspelled file is not skipped. */
function onlyKnownFiles(dir: string, known: readonly string[], optional = false): void {
  const expected = new Set(known);
  for (const entry of entries(dir, optional)) {
    if (!expected.has(entry.name)) {
      throw fault(join(dir, entry.name), `not a file of this folder, which holds ${known.join(', ')}`);
    }
  }
}
