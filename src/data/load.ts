/**
 * Reads data/, validates every file against its schema, places every piece of evidence in its
 * article's text, resolves every reference, and builds the corpus indexes. Any fault stops the
 * load with a DataError naming the file, the record and the field.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  ACTOR_KINDS,
  type ClaimRecord,
  Corpus,
  ENTITY_FILES,
  type EntityRecord,
  type Kind,
  type Role,
} from './corpus.ts';
import { DataError } from './errors.ts';
import { ArticleText, type Evidence } from './evidence.ts';
import { type EvidenceFile, files } from './files.ts';
import { SearchIndex } from './search.ts';

/** The data directory shipped with the project. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

const LOCATION_KINDS = ['Place', 'Country'] as const satisfies Kind[];
const ANY_KIND = [
  'Person',
  'Country',
  'Organization',
  'Place',
  'Item',
  'Agreement',
  'Provision',
  'Accusation',
  'Quote',
  'Event',
  'Article',
] as const satisfies Kind[];

/** Where each id was defined, to report duplicates and check the kind of every reference. */
interface Definition {
  kind: Kind;
  file: string;
}

const CLAIM_FILES = ['mentions', 'agreements', 'accusations', 'quotes', 'events'] as const;
type ClaimFile = (typeof CLAIM_FILES)[number];

/** An article's claim files, parsed. */
interface ArticleParts {
  mentions: z.infer<typeof files.mentions>;
  agreements: z.infer<typeof files.agreements>;
  accusations: z.infer<typeof files.accusations>;
  quotes: z.infer<typeof files.quotes>;
  events: z.infer<typeof files.events>;
}

export function loadCorpus(dataDir: string = DEFAULT_DATA_DIR): Corpus {
  const loader = new Loader(dataDir);
  return loader.load();
}

class Loader {
  private readonly corpus = new Corpus();
  private readonly ids = new Map<string, Definition>();
  private lastDefinition: Definition | undefined;
  private readonly forward: { id: string; kinds: readonly Kind[]; at: At; field: string }[] = [];
  /** One copy of each string that `share` was given; see there. */
  private readonly strings = new Map<string, string>();

  constructor(private readonly dataDir: string) {}

  load(): Corpus {
    const articlesDir = join(this.dataDir, 'articles');
    const entities = Object.entries(ENTITY_FILES).map(([name, kind]) => {
      const file = join(this.dataDir, 'entities', `${name}.json`);
      const records = this.read(file, files[name as keyof typeof ENTITY_FILES], []);
      for (const [index, record] of records.entries()) this.define(record.id, kind, file, index);
      return { file, kind, records };
    });
    for (const { file, kind, records } of entities) {
      for (const [index, record] of records.entries()) {
        const place = 'country' in record && typeof record.country === 'string' ? record.country : null;
        if (place !== null) this.check(place, ['Country'], new At(this, file, record.id, index), 'country');
        this.corpus.add((kind === 'Place' ? { ...record, kind, country: place } : { ...record, kind }) as EntityRecord);
      }
    }

    const articles = readdirSync(articlesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    if (articles.length === 0) {
      throw new DataError(this.show(articlesDir), undefined, undefined, 'no article folders');
    }
    // One article at a time: its files are read, checked and turned into records before the
    // next is read, so no more than one article's parsed files is held at once.
    for (const name of articles) this.loadArticle(join(articlesDir, name));
    this.checkForwardReferences();

    for (const place of this.corpus.all('Place')) {
      if (place.country) this.corpus.relate('placesByCountry', place.country, place);
    }
    for (const { file, records } of entities) {
      for (const [index, record] of records.entries()) {
        if (this.corpus.mentions(record.id).length === 0) {
          throw new DataError(this.show(file), label(record.id, index), 'id', 'no article mentions this entity');
        }
      }
    }
    this.corpus.trim();
    // The search index is built in a worker thread from the verified files, once the load is
    // done: built beside the load, it took the load twice as long (memory bandwidth and GC
    // threads are shared) and was not ready any sooner.
    this.corpus.index(new SearchIndex(this.dataDir, this.corpus));
    return this.corpus;
  }

  /** Reads one JSON file and parses it with its schema; a missing optional file is `fallback`. */
  read<S extends z.ZodType>(file: string, schema: S, fallback?: z.infer<S>): z.infer<S> {
    const source = this.readFile(file, fallback !== undefined)?.toString('utf8');
    if (source === undefined) return fallback as z.infer<S>;
    let raw: unknown;
    try {
      raw = JSON.parse(source);
    } catch (error) {
      throw new DataError(this.show(file), undefined, undefined, `malformed JSON: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const [issue, ...more] = parsed.error.issues;
    if (!issue) throw new DataError(this.show(file), undefined, undefined, 'invalid');
    let path = issue.path.map((part) => (typeof part === 'symbol' ? part.toString() : part));
    if (issue.code === 'unrecognized_keys') path = [...path, ...issue.keys];
    let record: string | undefined;
    if (Array.isArray(raw) && typeof path[0] === 'number') {
      const index = path[0];
      const id = (raw[index] as { id?: unknown } | undefined)?.id;
      record = label(typeof id === 'string' ? id : undefined, index);
      path = path.slice(1);
    } else if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') {
      record = JSON.stringify((raw as { id: string }).id);
    }
    const problem = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
    const others =
      more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''} in this file)` : '';
    throw new DataError(this.show(file), record, fieldPath(path) || undefined, `${problem}${others}`);
  }

  /** A file's bytes; undefined for a missing file that is `optional`, a DataError for any other. */
  readFile(file: string, optional: boolean): Buffer | undefined {
    try {
      return readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (optional) return undefined;
      throw new DataError(this.show(file), undefined, undefined, 'file is missing');
    }
  }

  private loadArticle(dir: string): void {
    const file = join(dir, 'article.json');
    const meta = this.read(file, files.article);
    this.define(meta.id, 'Article', file, undefined);
    const textFile = join(dir, 'text.txt');
    const bytes = this.readFile(textFile, false) as Buffer;
    const text = bytes.toString('utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const article = new ArticleText(meta.id, text, bytes);
    const at = new At(this, file, meta.id, undefined, article);

    // Each path is made once per article: they are kept with every id defined in the file.
    const paths = Object.fromEntries(CLAIM_FILES.map((name) => [name, join(dir, `${name}.json`)]));
    const claimFile = (name: ClaimFile) => paths[name] as string;
    const parts: ArticleParts = {
      mentions: this.read(claimFile('mentions'), files.mentions, []),
      agreements: this.read(claimFile('agreements'), files.agreements, []),
      accusations: this.read(claimFile('accusations'), files.accusations, []),
      quotes: this.read(claimFile('quotes'), files.quotes, []),
      events: this.read(claimFile('events'), files.events, []),
    };
    for (const [index, agreement] of parts.agreements.entries()) {
      this.define(agreement.id, 'Agreement', claimFile('agreements'), index);
      for (const provision of agreement.provisions)
        this.define(provision.id, 'Provision', claimFile('agreements'), index);
    }
    for (const [index, accusation] of parts.accusations.entries()) {
      this.define(accusation.id, 'Accusation', claimFile('accusations'), index);
    }
    for (const [index, quote] of parts.quotes.entries()) this.define(quote.id, 'Quote', claimFile('quotes'), index);
    for (const [index, event] of parts.events.entries()) this.define(event.id, 'Event', claimFile('events'), index);

    this.corpus.add({
      kind: 'Article',
      id: meta.id,
      title: meta.title,
      titleEvidence: at.evidence(meta.titleEvidence, 'titleEvidence'),
      publisher: {
        name: this.share(meta.publisher.name),
        evidence: at.evidence(meta.publisher.evidence, 'publisher.evidence'),
      },
      language: this.share(meta.language),
      published: {
        date: this.share(meta.published.date),
        inference: this.share(meta.published.inference),
        evidence: at.evidences(meta.published.evidence, 'published.evidence'),
      },
      // The text lives in `article`, as bytes once its evidence is placed.
      get text() {
        return article.text;
      },
      length: article.length,
      sha256,
      textFile: relative(this.dataDir, textFile),
    });
    this.resolveArticle(meta.id, article, claimFile, parts);
    article.placed();
  }

  private resolveArticle(
    articleId: string,
    article: ArticleText,
    claimFile: (name: ClaimFile) => string,
    parts: ArticleParts,
  ): void {
    const corpus = this.corpus;
    const at = (file: ClaimFile, record: string, index: number) =>
      new At(this, claimFile(file), record, index, article);

    for (const [index, mention] of parts.mentions.entries()) {
      const here = at('mentions', mention.entity, index);
      here.check(mention.entity, ['Person', 'Country', 'Organization', 'Place', 'Item'], 'entity');
      // Articles are resolved one after another: an earlier mention from this one would be the last.
      if (corpus.mentions(mention.entity).at(-1)?.article === articleId) {
        throw here.error('entity', `entity ${JSON.stringify(mention.entity)} has a second mention record`);
      }
      corpus.addMention({
        entity: this.share(mention.entity),
        article: articleId,
        evidence: here.evidences(mention.evidence, 'evidence'),
        titles: mention.titles.map((title, i) => ({
          title: this.share(title.title),
          evidence: here.evidences(title.evidence, `titles[${i}].evidence`),
        })),
      });
      const entity = corpus.get(mention.entity);
      // An unknown entity is reported once every article is in (see checkForwardReferences).
      if (entity) corpus.relate('entitiesByArticle', articleId, entity as EntityRecord);
    }

    const claim = (record: ClaimRecord) => {
      corpus.add(record);
      corpus.relate('claimsByArticle', articleId, record);
    };

    for (const [index, event] of parts.events.entries()) {
      const here = at('events', event.id, index);
      const record = {
        kind: 'Event' as const,
        id: event.id,
        article: articleId,
        eventKind: this.share(event.kind),
        name: event.name,
        date: {
          precision: this.share(event.date.precision),
          start: this.share(event.date.start),
          end: this.shareOrNull(event.date.end),
          phrase: here.evidence(event.date.phrase, 'date.phrase'),
          resolution: this.share(event.date.resolution),
        },
        place: event.place ? here.role(event.place, 'place', LOCATION_KINDS) : null,
        participants: event.participants.map((role, i) => here.role(role, `participants[${i}]`, ACTOR_KINDS)),
        evidence: here.evidences(event.evidence, 'evidence'),
      };
      here.checkDate(event.date, 'date');
      claim(record);
      for (const role of record.participants) corpus.relate('eventsByParticipant', role.ref, record);
      if (record.place) corpus.relate('eventsByPlace', record.place.ref, record);
      corpus.relate('eventsByKind', record.eventKind, record);
    }

    for (const [index, agreement] of parts.agreements.entries()) {
      const here = at('agreements', agreement.id, index);
      if (agreement.event) here.check(agreement.event, ['Event'], 'event');
      const record = {
        kind: 'Agreement' as const,
        id: agreement.id,
        article: articleId,
        name: agreement.name,
        parties: agreement.parties.map((role, i) => here.role(role, `parties[${i}]`, ACTOR_KINDS)),
        signatories: agreement.signatories.map((role, i) => here.role(role, `signatories[${i}]`, ['Person'])),
        event: this.shareOrNull(agreement.event),
        articleCount: agreement.articleCount
          ? {
              value: agreement.articleCount.value,
              evidence: here.evidences(agreement.articleCount.evidence, 'articleCount.evidence'),
            }
          : null,
        publishedBy: agreement.publishedBy ? here.role(agreement.publishedBy, 'publishedBy', ACTOR_KINDS) : null,
        provisions: agreement.provisions.map((provision) => provision.id),
        evidence: here.evidences(agreement.evidence, 'evidence'),
      };
      claim(record);
      for (const [i, provision] of agreement.provisions.entries()) {
        claim({
          kind: 'Provision',
          id: provision.id,
          article: articleId,
          agreement: agreement.id,
          summary: provision.summary,
          status: this.share(provision.status),
          evidence: here.evidences(provision.evidence, `provisions[${i}].evidence`),
        });
      }
      if (record.event) corpus.relate('agreementsByEvent', record.event, record);
      for (const role of record.parties) corpus.relate('agreementsByParty', role.ref, record);
      for (const role of record.signatories) corpus.relate('agreementsBySignatory', role.ref, record);
    }

    for (const [index, accusation] of parts.accusations.entries()) {
      const here = at('accusations', accusation.id, index);
      const actors = (roles: z.infer<typeof files.accusations>[number]['accusers'], field: string) =>
        roles.map((role, i) => here.role(role, `${field}[${i}]`, ACTOR_KINDS));
      const record = {
        kind: 'Accusation' as const,
        id: accusation.id,
        article: articleId,
        act: accusation.act,
        accusers: actors(accusation.accusers, 'accusers'),
        accused: actors(accusation.accused, 'accused'),
        items: accusation.items.map((role, i) => here.role(role, `items[${i}]`, ['Item'])),
        beneficiaries: actors(accusation.beneficiaries, 'beneficiaries'),
        responses: accusation.responses.map((response, i) => ({
          ...here.role(response, `responses[${i}]`, ACTOR_KINDS),
          stance: this.share(response.stance),
        })),
        evidence: here.evidences(accusation.evidence, 'evidence'),
      };
      claim(record);
      for (const role of record.accusers) corpus.relate('accusationsByAccuser', role.ref, record);
      for (const role of record.accused) corpus.relate('accusationsByAccused', role.ref, record);
      for (const role of record.beneficiaries) corpus.relate('accusationsByBeneficiary', role.ref, record);
      for (const role of record.items) {
        corpus.relate('accusationsByItem', role.ref, record);
        const item = corpus.get(role.ref);
        if (item?.kind === 'Item') corpus.relate('accusationsByItemCategory', item.category, record);
      }
      for (const response of record.responses) {
        corpus.relate('accusationsByResponder', response.ref, record);
        corpus.relate('accusationsByStance', response.stance, record);
      }
    }

    for (const [index, quote] of parts.quotes.entries()) {
      const here = at('quotes', quote.id, index);
      if (quote.event) here.check(quote.event, ['Event'], 'event');
      if (quote.channel.via) here.check(quote.channel.via, ['Organization'], 'channel.via');
      const record = {
        kind: 'Quote' as const,
        id: quote.id,
        article: articleId,
        speaker: here.role(quote.speaker, 'speaker', ACTOR_KINDS),
        words: here.evidence(quote.words, 'words'),
        form: this.share(quote.form),
        channel: {
          kind: this.share(quote.channel.kind),
          via: this.shareOrNull(quote.channel.via),
          evidence: quote.channel.evidence ? here.evidences(quote.channel.evidence, 'channel.evidence') : [],
        },
        about: quote.about.map((role, i) => here.role(role, `about[${i}]`, ANY_KIND)),
        event: this.shareOrNull(quote.event),
        evidence: here.evidences(quote.evidence, 'evidence'),
      };
      claim(record);
      corpus.relate('quotesBySpeaker', record.speaker.ref, record);
      for (const role of record.about) corpus.relate('quotesByTopic', role.ref, record);
      if (record.event) corpus.relate('quotesByEvent', record.event, record);
      corpus.relate('quotesByChannel', record.channel.kind, record);
      corpus.relate('quotesByForm', record.form, record);
    }
  }

  define(id: string, kind: Kind, file: string, index: number | undefined): void {
    const earlier = this.ids.get(id);
    if (earlier) {
      const where = earlier.file === file ? 'earlier in this file' : `in ${this.show(earlier.file)}`;
      throw new DataError(
        this.show(file),
        label(id, index),
        'id',
        `duplicate id ${JSON.stringify(id)}: already defined ${where}`,
      );
    }
    // The ids of one file are defined one after another: they share one definition.
    const last = this.lastDefinition;
    this.lastDefinition = last?.kind === kind && last.file === file ? last : { kind, file };
    this.ids.set(id, this.lastDefinition);
  }

  /**
   * One copy of a string that records repeat: JSON.parse makes a new string of every value, and
   * references, enum values, dates and stock phrases recur all over a corpus (one copy each
   * took the main heap from 97 to 91 MB at 1,000x). The table is the loader's, dropped with it.
   */
  share<S extends string>(value: S): S {
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared as S;
    this.strings.set(value, value);
    return value;
  }

  shareOrNull<S extends string>(value: S | undefined): S | null {
    return value === undefined ? null : this.share(value);
  }

  /**
   * Throws unless `id` is defined as one of `kinds`. An id not defined yet may be defined by a
   * later article: it is checked again once every article is in.
   */
  check(id: string, kinds: readonly Kind[], at: At, field: string): void {
    const definition = this.ids.get(id);
    if (!definition) {
      this.forward.push({ id, kinds, at, field });
      return;
    }
    if (!kinds.includes(definition.kind)) {
      throw at.error(field, `${JSON.stringify(id)} is a ${definition.kind}, expected ${kinds.join(' or ')}`);
    }
  }

  /** References to ids that were not defined when they were read, now that all are. */
  private checkForwardReferences(): void {
    for (const { id, kinds, at, field } of this.forward) {
      const definition = this.ids.get(id);
      if (!definition) throw at.error(field, `unknown id ${JSON.stringify(id)}`);
      if (!kinds.includes(definition.kind)) {
        throw at.error(field, `${JSON.stringify(id)} is a ${definition.kind}, expected ${kinds.join(' or ')}`);
      }
    }
  }

  show(file: string): string {
    const shown = relative(process.cwd(), file);
    return shown.startsWith('..') || isAbsolute(shown) ? file : shown;
  }
}

/** A position in the data (a file, a record) from which evidence and references are resolved. */
class At {
  constructor(
    private readonly loader: Loader,
    private readonly file: string,
    private readonly id: string | undefined,
    private readonly index: number | undefined,
    private readonly article?: ArticleText,
  ) {}

  error(field: string, problem: string): DataError {
    return new DataError(this.loader.show(this.file), label(this.id, this.index), field, problem);
  }

  check(id: string, kinds: readonly Kind[], field: string): void {
    this.loader.check(id, kinds, this, field);
  }

  evidence(evidence: EvidenceFile, field: string): Evidence {
    if (!this.article) throw this.error(field, 'evidence outside an article');
    const located = this.article.locate(evidence);
    if (typeof located === 'string') throw this.error(field, located);
    return located;
  }

  evidences(list: EvidenceFile[], field: string): Evidence[] {
    return list.map((evidence, i) => this.evidence(evidence, `${field}[${i}]`));
  }

  role(role: { ref: string; evidence: EvidenceFile[] }, field: string, kinds: readonly Kind[]): Role {
    this.check(role.ref, kinds, `${field}.ref`);
    return { ref: this.loader.share(role.ref), evidence: this.evidences(role.evidence, `${field}.evidence`) };
  }

  /** A date's parts must agree with its precision, and a range must not run backwards. */
  checkDate(date: { precision: string; start: string; end?: string | undefined }, field: string): void {
    const parts = { DAY: 3, MONTH: 2, YEAR: 1 } as Record<string, number>;
    const expected = parts[date.precision];
    if (expected !== undefined && date.start.split('-').length !== expected) {
      throw this.error(`${field}.start`, `${JSON.stringify(date.start)} does not have ${date.precision} precision`);
    }
    if (date.precision !== 'RANGE' && date.end !== undefined) {
      throw this.error(`${field}.end`, `only a RANGE has an end`);
    }
    if (date.end !== undefined && date.end < date.start) {
      throw this.error(`${field}.end`, `${JSON.stringify(date.end)} is before ${JSON.stringify(date.start)}`);
    }
    if (!isValidPartialDate(date.start))
      throw this.error(`${field}.start`, `${JSON.stringify(date.start)} is not a date`);
    if (date.end !== undefined && !isValidPartialDate(date.end)) {
      throw this.error(`${field}.end`, `${JSON.stringify(date.end)} is not a date`);
    }
  }
}

/** Dates already checked: a corpus names the same few hundred days over and over. */
const validDates = new Map<string, boolean>();

function isValidPartialDate(value: string): boolean {
  let valid = validDates.get(value);
  if (valid === undefined) {
    const [year, month = '01', day = '01'] = value.split('-');
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    valid = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`);
    validDates.set(value, valid);
  }
  return valid;
}

function label(id: string | undefined, index: number | undefined): string | undefined {
  if (id === undefined && index === undefined) return undefined;
  if (index === undefined) return JSON.stringify(id);
  return id === undefined ? `#${index}` : `${JSON.stringify(id)} (#${index})`;
}

function fieldPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}
