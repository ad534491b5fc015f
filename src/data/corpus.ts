/**
 * The loaded corpus: typed records backing each GraphQL type, and the indexes built once at load
 * time so that no resolver ever scans a whole list.
 */

import type { z } from 'zod';
import type { Evidence } from './evidence.ts';
import type { files } from './files.ts';
import type { SearchHit, SearchIndex } from './search.ts';

type Enum<K extends keyof typeof files> = z.infer<(typeof files)[K]>;

/** A link from a claim to another record, with the article's words that state the link. */
export interface Role {
  ref: string;
  evidence: Evidence[];
}

export interface Title {
  title: string;
  evidence: Evidence[];
}

/** What one article says of one entity. */
export interface Mention {
  entity: string;
  article: string;
  evidence: Evidence[];
  titles: Title[];
}

export interface PersonRecord {
  kind: 'Person';
  id: string;
  name: string;
}
export interface CountryRecord {
  kind: 'Country';
  id: string;
  name: string;
}
export interface OrganizationRecord {
  kind: 'Organization';
  id: string;
  name: string;
}
export interface PlaceRecord {
  kind: 'Place';
  id: string;
  name: string;
  country: string | null;
}
export interface ItemRecord {
  kind: 'Item';
  id: string;
  name: string;
  category: Enum<'items'>[number]['category'];
}

export interface ArticleRecord {
  kind: 'Article';
  id: string;
  title: string;
  titleEvidence: Evidence;
  publisher: { name: string; evidence: Evidence };
  language: string;
  published: { date: string; inference: string; evidence: Evidence[] };
  readonly text: string;
  /** The text's length in UTF-16 code units. */
  length: number;
  sha256: string;
  /** Where the text lives, relative to the data directory. */
  textFile: string;
}

interface ClaimBase {
  id: string;
  /** The article whose text the evidence quotes. */
  article: string;
  evidence: Evidence[];
}

export interface EventDate {
  precision: 'DAY' | 'MONTH' | 'YEAR' | 'RANGE';
  start: string;
  end: string | null;
  phrase: Evidence;
  resolution: string;
}

export interface EventRecord extends ClaimBase {
  kind: 'Event';
  eventKind: Enum<'events'>[number]['kind'];
  name: string;
  date: EventDate;
  place: Role | null;
  participants: Role[];
}

export interface ProvisionRecord extends ClaimBase {
  kind: 'Provision';
  agreement: string;
  summary: string;
  status: 'PROVIDED' | 'NOT_PROVIDED';
}

export interface AgreementRecord extends ClaimBase {
  kind: 'Agreement';
  name: string;
  parties: Role[];
  signatories: Role[];
  event: string | null;
  articleCount: { value: number; evidence: Evidence[] } | null;
  publishedBy: Role | null;
  provisions: string[];
}

export type Stance = 'DENIED' | 'CONFIRMED' | 'NEITHER_CONFIRMED_NOR_DENIED';

export interface ResponseRole extends Role {
  stance: Stance;
}

export interface AccusationRecord extends ClaimBase {
  kind: 'Accusation';
  act: string;
  accusers: Role[];
  accused: Role[];
  items: Role[];
  beneficiaries: Role[];
  responses: ResponseRole[];
}

export type QuoteChannel = Enum<'quotes'>[number]['channel']['kind'];

export interface QuoteRecord extends ClaimBase {
  kind: 'Quote';
  speaker: Role;
  words: Evidence;
  form: 'FULL_SENTENCE' | 'FRAGMENT';
  channel: { kind: QuoteChannel; via: string | null; evidence: Evidence[] };
  about: Role[];
  event: string | null;
}

export type ActorRecord = PersonRecord | CountryRecord | OrganizationRecord;
export type EntityRecord = ActorRecord | PlaceRecord | ItemRecord;
export type ClaimRecord = EventRecord | ProvisionRecord | AgreementRecord | AccusationRecord | QuoteRecord;
export type NodeRecord = EntityRecord | ClaimRecord | ArticleRecord;
export type Kind = NodeRecord['kind'];
export type RecordOf<K extends Kind> = Extract<NodeRecord, { kind: K }>;

export const ACTOR_KINDS = ['Person', 'Country', 'Organization'] as const satisfies Kind[];

/** The files under entities/, each with the kind of its records, in the order they are read. */
export const ENTITY_FILES = {
  people: 'Person',
  countries: 'Country',
  organizations: 'Organization',
  places: 'Place',
  items: 'Item',
} as const satisfies Partial<Record<keyof typeof files, Kind>>;

/** The records each relation index leads to, by the relation's name. */
export interface Relations {
  accusationsByAccuser: AccusationRecord;
  accusationsByAccused: AccusationRecord;
  accusationsByItem: AccusationRecord;
  accusationsByBeneficiary: AccusationRecord;
  accusationsByResponder: AccusationRecord;
  accusationsByStance: AccusationRecord;
  accusationsByItemCategory: AccusationRecord;
  agreementsByParty: AgreementRecord;
  agreementsBySignatory: AgreementRecord;
  quotesBySpeaker: QuoteRecord;
  quotesByTopic: QuoteRecord;
  quotesByEvent: QuoteRecord;
  quotesByChannel: QuoteRecord;
  quotesByForm: QuoteRecord;
  agreementsByEvent: AgreementRecord;
  eventsByKind: EventRecord;
  eventsByParticipant: EventRecord;
  eventsByPlace: EventRecord;
  placesByCountry: PlaceRecord;
  claimsByArticle: ClaimRecord;
  entitiesByArticle: EntityRecord;
}
export type Relation = keyof Relations;

/**
 * All records of every loaded article, with indexes by id, by kind and by relation. Built once
 * by `loadCorpus`; read-only afterwards.
 */
export class Corpus {
  private readonly byId = new Map<string, NodeRecord>();
  private readonly byKind = new Map<Kind, NodeRecord[]>();
  private readonly relations = new Map<Relation, Map<string, NodeRecord[]>>();
  private readonly mentionsByEntity = new Map<string, Mention[]>();
  private searchIndex: SearchIndex | undefined;

  add(record: NodeRecord): void {
    this.byId.set(record.id, record);
    const list = this.byKind.get(record.kind);
    if (list) list.push(record);
    else this.byKind.set(record.kind, [record]);
  }

  addMention(mention: Mention): void {
    const list = this.mentionsByEntity.get(mention.entity);
    if (list) list.push(mention);
    else this.mentionsByEntity.set(mention.entity, [mention]);
  }

  /**
   * Records `to` under `key` in the relation, once: a claim naming an actor twice is listed once.
   * The loader relates one record at a time, so a repeat can only be the list's last entry;
   * checking that one keeps loading linear where a search of the list would be quadratic.
   */
  relate<R extends Relation>(relation: R, key: string, to: Relations[R]): void {
    let index = this.relations.get(relation);
    if (!index) {
      index = new Map();
      this.relations.set(relation, index);
    }
    const list = index.get(key);
    if (!list) index.set(key, [to]);
    else if (list[list.length - 1] !== to) list.push(to);
  }

  get(id: string): NodeRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all<K extends Kind>(kind: K): readonly RecordOf<K>[] {
    return (this.byKind.get(kind) ?? []) as RecordOf<K>[];
  }

  related<R extends Relation>(relation: R, key: string): readonly Relations[R][] {
    return (this.relations.get(relation)?.get(key) ?? []) as Relations[R][];
  }

  mentions(entity: string): readonly Mention[] {
    return this.mentionsByEntity.get(entity) ?? [];
  }

  /**
   * Copies every list grown one record at a time to its size, once every record is in: V8 grows
   * an array by half and 16 slots, so a list of 2 records holds 17 slots.
   */
  trim(): void {
    for (const [kind, list] of this.byKind) this.byKind.set(kind, list.slice());
    for (const index of this.relations.values()) {
      for (const [key, list] of index) index.set(key, list.slice());
    }
    for (const [entity, list] of this.mentionsByEntity) this.mentionsByEntity.set(entity, list.slice());
  }

  /** Attaches the full-text index (built in a worker once the load is done); called once, when every record is in. */
  index(searchIndex: SearchIndex): void {
    this.searchIndex = searchIndex;
  }

  /** Settles when the full-text index is built: until then, searches wait. */
  get searchReady(): Promise<void> {
    if (!this.searchIndex) return Promise.reject(new Error('the corpus is not indexed'));
    return this.searchIndex.ready;
  }

  /** Records matching a full-text query, best first; waits for the index to be built. */
  search(query: string): Promise<SearchHit[]> {
    if (!this.searchIndex) return Promise.reject(new Error('the corpus is not indexed'));
    return this.searchIndex.search(query);
  }

  /** Every record: entities, then, article by article, the article and its claims. */
  *records(): IterableIterator<NodeRecord> {
    yield* this.byId.values();
  }
}
