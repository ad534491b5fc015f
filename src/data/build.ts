/**
 * Building records from parsed files: one function per kind of file record, each given a
 * `RecordReader` that places the record's evidence in its article's text, checks its references
 * and reports a fault at the record's file, position and field.
 */
import { DataError } from '../errors.ts';
import type { ArticleText, Evidence } from './evidence.ts';
import type {
  AccusationFile,
  AgreementFile,
  ArticleFile,
  DateFile,
  EventFile,
  EvidenceFile,
  ItemFile,
  MentionFile,
  PersonFile,
  PlaceFile,
  QuoteFile,
  StatementFile,
} from './files.ts';
import type { IdRegistry } from './ids.ts';
import { recordLabel } from './read.ts';
import {
  ACTOR_KINDS,
  type AccusationRecord,
  type AgreementRecord,
  type ArticleRecord,
  type EntityInArticle,
  type EntityRecord,
  type EventRecord,
  type Kind,
  LOCATION_KINDS,
  type Modality,
  NODE_KINDS,
  type NodeRecord,
  type Predicate,
  type ProvisionRecord,
  type QuoteRecord,
  type Role,
  STATEMENT_ROLES,
  type StatementRecord,
  type StatementRole,
} from './records.ts';

/**
 * One copy of each string the records repeat: JSON.parse makes a new string of every value, and
 * references, enum values, dates and stock phrases recur all over a corpus. The pool lives as long
 * as the load.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern<S extends string>(value: S): S {
    const interned = this.strings.get(value);
    if (interned !== undefined) return interned as S;
    this.strings.set(value, value);
    return value;
  }

  internOrNull<S extends string>(value: S | undefined): S | null {
    return value === undefined ? null : this.intern(value);
  }
}

/** What every record reader of one load shares. */
export interface Load {
  ids: IdRegistry;
  strings: StringPool;
}

/**
 * Reads one record of a data file: places its evidence in the article's text, checks the ids it
 * refers to, and makes the errors that point at it (file, record, field).
 */
export class RecordReader {
  constructor(
    private readonly load: Load,
    /** The file as messages show it. */
    private readonly file: string,
    private readonly id: string | undefined,
    private readonly index: number | undefined,
    private readonly article?: ArticleText,
  ) {}

  get strings(): StringPool {
    return this.load.strings;
  }

  error(field: string | undefined, problem: string): DataError {
    return new DataError(this.file, recordLabel(this.id, this.index), field, problem);
  }

  /** Throws (now, or once every article is read) unless `id` is a record of one of `kinds`. */
  check(id: string, kinds: readonly Kind[], field: string): void {
    this.load.ids.check(id, kinds, (problem) => this.error(field, problem));
  }

  evidence(evidence: EvidenceFile, field: string): Evidence {
    if (!this.article) throw this.error(field, 'evidence outside an article');
    const located = this.article.locate(evidence);
    if (typeof located === 'string') throw this.error(field, located);
    return located;
  }

  evidences(list: readonly EvidenceFile[], field: string): Evidence[] {
    return list.map((evidence, i) => this.evidence(evidence, `${field}[${i}]`));
  }

  role(role: { ref: string; evidence: EvidenceFile[] }, field: string, kinds: readonly Kind[]): Role {
    this.check(role.ref, kinds, `${field}.ref`);
    return { ref: this.strings.intern(role.ref), evidence: this.evidences(role.evidence, `${field}.evidence`) };
  }

  roles(roles: readonly { ref: string; evidence: EvidenceFile[] }[], field: string, kinds: readonly Kind[]): Role[] {
    return roles.map((role, i) => this.role(role, `${field}[${i}]`, kinds));
  }

  /** A date's parts must agree with its precision, and a range must not run backwards. */
  checkDate(date: DateFile, field: string): void {
    const expected = DATE_PARTS[date.precision];
    if (expected !== undefined && date.start.split('-').length !== expected) {
      throw this.error(`${field}.start`, `${JSON.stringify(date.start)} does not have ${date.precision} precision`);
    }
    if (date.precision !== 'RANGE' && date.end !== undefined) {
      throw this.error(`${field}.end`, 'only a RANGE has an end');
    }
    if (date.end !== undefined && date.end < date.start) {
      throw this.error(`${field}.end`, `${JSON.stringify(date.end)} is before ${JSON.stringify(date.start)}`);
    }
    if (!isValidPartialDate(date.start)) {
      throw this.error(`${field}.start`, `${JSON.stringify(date.start)} is not a date`);
    }
    if (date.end !== undefined && !isValidPartialDate(date.end)) {
      throw this.error(`${field}.end`, `${JSON.stringify(date.end)} is not a date`);
    }
  }
}

/**
 * A claim with its `position`: the smallest start of its own evidence and, for a quote, of its
 * words (a quote's attribution may follow the words it attributes).
 */
function positioned<T extends { evidence: Evidence[]; words?: Evidence }>(claim: T): T & { position: number } {
  let position = claim.words?.start ?? Number.POSITIVE_INFINITY;
  for (const evidence of claim.evidence) position = Math.min(position, evidence.start);
  return Object.assign(claim, { position });
}

const DATE_PARTS: Partial<Record<DateFile['precision'], number>> = { DAY: 3, MONTH: 2, YEAR: 1 };

export function article(
  file: ArticleFile,
  text: ArticleText,
  sha256: string,
  textFile: string,
  read: RecordReader,
): ArticleRecord {
  const { strings } = read;
  return {
    kind: 'Article',
    id: file.id,
    title: file.title,
    titleEvidence: read.evidence(file.titleEvidence, 'titleEvidence'),
    publisher: {
      name: strings.intern(file.publisher.name),
      evidence: read.evidence(file.publisher.evidence, 'publisher.evidence'),
    },
    language: strings.intern(file.language),
    published: {
      date: strings.intern(file.published.date),
      inference: strings.intern(file.published.inference),
      evidence: read.evidences(file.published.evidence, 'published.evidence'),
    },
    // The text lives in `text`, as bytes once its evidence is placed.
    get text() {
      return text.text;
    },
    length: text.length,
    sha256,
    textFile,
  };
}

/** An entity of data/entities/, with its names; `country` and `category` where its kind has them. */
export function entity(
  file: PersonFile & Partial<Pick<PlaceFile, 'country'> & Pick<ItemFile, 'category'>>,
  kind: EntityRecord['kind'],
): EntityRecord {
  const names = [
    { text: file.name, form: 'NAME' as const, written: file.nameWritten, occurrences: 0, mentionCount: 0 },
    ...file.aliases.map((alias) => ({ ...alias, written: true, occurrences: 0, mentionCount: 0 })),
  ];
  const record = { kind, id: file.id, name: file.name, names };
  if (kind === 'Place') return { ...record, kind, country: file.country ?? null };
  if (kind === 'Item' && file.category) return { ...record, kind, category: file.category };
  return record as EntityRecord;
}

/** What an article says of an entity: its titles; `mentionCount` is set once its mentions are found. */
export function entityInArticle(file: MentionFile, articleId: string, read: RecordReader): EntityInArticle {
  const { strings } = read;
  return {
    entity: strings.intern(file.entity),
    article: articleId,
    mentionCount: 0,
    titles: file.titles.map((title, i) => ({
      title: strings.intern(title.title),
      evidence: read.evidences(title.evidence, `titles[${i}].evidence`),
      relatedTo: read.roles(title.relatedTo, `titles[${i}].relatedTo`, NODE_KINDS),
    })),
  };
}

export function event(file: EventFile, articleId: string, read: RecordReader): EventRecord {
  const { strings } = read;
  if (file.partOf?.ref === file.id) throw read.error('partOf.ref', 'an event cannot be part of itself');
  return positioned({
    kind: 'Event',
    id: file.id,
    article: articleId,
    eventKind: strings.intern(file.kind),
    name: file.name,
    date: date(file.date, 'date', read),
    place: file.place ? read.role(file.place, 'place', LOCATION_KINDS) : null,
    participants: read.roles(file.participants, 'participants', ACTOR_KINDS),
    about: read.roles(file.about, 'about', NODE_KINDS),
    partOf: file.partOf ? read.role(file.partOf, 'partOf', ['Event']) : null,
    evidence: read.evidences(file.evidence, 'evidence'),
  });
}

/** A date of an event or a statement, checked against its precision. */
function date(file: DateFile, field: string, read: RecordReader): EventRecord['date'] {
  const { strings } = read;
  read.checkDate(file, field);
  return {
    precision: strings.intern(file.precision),
    start: strings.intern(file.start),
    end: strings.internOrNull(file.end),
    phrase: read.evidence(file.phrase, `${field}.phrase`),
    resolution: strings.intern(file.resolution),
  };
}

/** An agreement, then its provisions, in the order the file gives them. */
export function agreement(
  file: AgreementFile,
  articleId: string,
  read: RecordReader,
): [AgreementRecord, ...ProvisionRecord[]] {
  const { strings } = read;
  if (file.event) read.check(file.event, ['Event'], 'event');
  const record: AgreementRecord = positioned({
    kind: 'Agreement',
    id: file.id,
    article: articleId,
    name: file.name,
    nameEvidence: file.nameEvidence ? agreementName(file, read) : null,
    parties: read.roles(file.parties, 'parties', ACTOR_KINDS),
    signatories: read.roles(file.signatories, 'signatories', ['Person']),
    event: strings.internOrNull(file.event),
    articleCount: file.articleCount
      ? {
          value: file.articleCount.value,
          evidence: read.evidences(file.articleCount.evidence, 'articleCount.evidence'),
        }
      : null,
    publishedBy: file.publishedBy ? read.role(file.publishedBy, 'publishedBy', ACTOR_KINDS) : null,
    provisions: file.provisions.map((provision) => provision.id),
    evidence: read.evidences(file.evidence, 'evidence'),
  });
  const provisions = file.provisions.map(
    (provision, i): ProvisionRecord =>
      positioned({
        kind: 'Provision' as const,
        id: provision.id,
        article: articleId,
        agreement: file.id,
        summary: provision.summary,
        status: strings.intern(provision.status),
        evidence: read.evidences(provision.evidence, `provisions[${i}].evidence`),
      }),
  );
  return [record, ...provisions];
}

/** Where the article gives an agreement's name: the words must be the name. */
function agreementName(file: AgreementFile, read: RecordReader) {
  const evidence = read.evidence(file.nameEvidence as EvidenceFile, 'nameEvidence');
  if (evidence.exact !== file.name) {
    throw read.error('nameEvidence', `${JSON.stringify(evidence.exact)} is not the name ${JSON.stringify(file.name)}`);
  }
  return evidence;
}

export function accusation(file: AccusationFile, articleId: string, read: RecordReader): AccusationRecord {
  return positioned({
    kind: 'Accusation',
    id: file.id,
    article: articleId,
    act: file.act,
    accusers: read.roles(file.accusers, 'accusers', ACTOR_KINDS),
    accused: read.roles(file.accused, 'accused', ACTOR_KINDS),
    items: read.roles(file.items, 'items', ['Item']),
    beneficiaries: read.roles(file.beneficiaries, 'beneficiaries', ACTOR_KINDS),
    responses: file.responses.map((response, i) => ({
      ...read.role(response, `responses[${i}]`, ACTOR_KINDS),
      stance: read.strings.intern(response.stance),
    })),
    evidence: read.evidences(file.evidence, 'evidence'),
  });
}

export function quote(file: QuoteFile, articleId: string, read: RecordReader): QuoteRecord {
  const { strings } = read;
  if (file.event) read.check(file.event, ['Event'], 'event');
  if (file.channel.via) read.check(file.channel.via, ['Organization'], 'channel.via');
  return positioned({
    kind: 'Quote',
    id: file.id,
    article: articleId,
    speaker: read.role(file.speaker, 'speaker', ACTOR_KINDS),
    words: read.evidence(file.words, 'words'),
    form: strings.intern(file.form),
    channel: {
      kind: strings.intern(file.channel.kind),
      via: strings.internOrNull(file.channel.via),
      evidence: file.channel.evidence ? read.evidences(file.channel.evidence, 'channel.evidence') : [],
    },
    about: read.roles(file.about, 'about', NODE_KINDS),
    event: strings.internOrNull(file.event),
    evidence: read.evidences(file.evidence, 'evidence'),
  });
}

/** The modality a predicate that names an act of speech gives what it says: a promise is promised. */
const IMPLIED_MODALITY: Partial<Record<Predicate, Modality>> = {
  PROMISE: 'PROMISED',
  CALL_FOR: 'CALLED_FOR',
  HOPE_FOR: 'HOPED',
};

/**
 * The quotes that carry a statement are its speakers' words, in its article: checked once the
 * article's quotes are built.
 */
export function checkAttribution(
  statement: StatementRecord,
  get: (id: string) => NodeRecord | undefined,
  read: RecordReader,
): void {
  for (const [i, id] of statement.attribution?.quotes.entries() ?? []) {
    const quote = get(id);
    if (quote?.kind !== 'Quote' || quote.article !== statement.article) {
      throw read.error(`attribution.quotes[${i}]`, `${JSON.stringify(id)} is not a quote of this article`);
    }
    if (!statement.attribution?.speakers.some((speaker) => speaker.ref === quote.speaker.ref)) {
      throw read.error(
        `attribution.quotes[${i}]`,
        `${JSON.stringify(id)} is not the words of a speaker of the statement`,
      );
    }
  }
}

/**
 * A statement: its roles read in the order of STATEMENT_ROLES, each value checked to name a
 * record of a kind the role takes; a statement names at least one value. The quotes that carry
 * it are checked once the article's quotes are built (`checkAttribution`).
 */
export function statement(file: StatementFile, articleId: string, read: RecordReader): StatementRecord {
  const { strings } = read;
  const roles: StatementRole[] = [];
  for (const [field, { role, kinds }] of Object.entries(STATEMENT_ROLES) as [
    keyof typeof STATEMENT_ROLES,
    (typeof STATEMENT_ROLES)[keyof typeof STATEMENT_ROLES],
  ][]) {
    for (const [i, value] of file[field].entries()) {
      if (value.ref !== undefined) read.check(value.ref, kinds, `${field}[${i}].ref`);
      roles.push({
        role,
        ref: strings.internOrNull(value.ref),
        evidence: read.evidences(value.evidence, `${field}[${i}].evidence`),
      });
    }
  }
  if (roles.length === 0) throw read.error(undefined, 'a statement names at least one subject, object or other role');
  const implied = IMPLIED_MODALITY[file.predicate];
  if (implied !== undefined && file.modality !== implied) {
    throw read.error('modality', `a ${file.predicate} statement has modality ${implied}`);
  }
  const attribution = file.attribution;
  for (const [i, quote] of attribution?.quotes.entries() ?? [])
    read.check(quote, ['Quote'], `attribution.quotes[${i}]`);
  return positioned({
    kind: 'Statement',
    id: file.id,
    article: articleId,
    predicate: strings.intern(file.predicate),
    roles,
    polarity: strings.intern(file.polarity),
    modality: strings.internOrNull(file.modality),
    attribution: attribution
      ? {
          speakers: read.roles(attribution.speakers, 'attribution.speakers', ACTOR_KINDS),
          quotes: attribution.quotes.map((quote) => strings.intern(quote)),
        }
      : null,
    date: file.date ? date(file.date, 'date', read) : null,
    evidence: read.evidences(file.evidence, 'evidence'),
  });
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
