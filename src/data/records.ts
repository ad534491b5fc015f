/**
 * The records that back the GraphQL types, one interface per kind, and the lists of kinds that
 * the loader, the relation indexes, the loaders and the schema share. Each list is written here
 * once.
 */
import type { z } from 'zod';
import type { Evidence } from './evidence.ts';
import type { files, NameForm } from './files.ts';

type Enum<K extends keyof typeof files> = z.infer<(typeof files)[K]>;

/** A link from a claim to another record, with the article's words that state the link. */
export interface Role {
  ref: string;
  evidence: Evidence[];
}

export interface Title {
  title: string;
  evidence: Evidence[];
  /** The records the title relates its entity to ("their ally": Russia and Iran). */
  relatedTo: Role[];
}

/** How an article refers to an entity at one place: by one of its names, or by a description. */
export type MentionForm = 'NAME' | NameForm | 'DESCRIPTION';

/**
 * One of an entity's names as data/entities/ declares it (the first is its `name`), with how often
 * the articles write it: the loader counts while it finds the mentions.
 */
export interface EntityName {
  text: string;
  form: 'NAME' | NameForm;
  /** Whether the entity file says an article writes it (checked against `occurrences`). */
  written: boolean;
  /** Occurrences in the articles that mention the entity, those excluded from it included. */
  occurrences: number;
  /** Occurrences that are mentions of the entity: `occurrences` less the excluded ones. */
  mentionCount: number;
}

/** What one article says of one entity: how often it mentions it, and the titles it gives. */
export interface EntityInArticle {
  entity: string;
  article: string;
  /** How many mentions of the entity the article holds. */
  mentionCount: number;
  titles: Title[];
}

interface EntityBase {
  id: string;
  name: string;
  /** Every name, `name` first, then the aliases in the order the file gives them. */
  names: EntityName[];
}

export interface PersonRecord extends EntityBase {
  kind: 'Person';
}
export interface CountryRecord extends EntityBase {
  kind: 'Country';
}
export interface OrganizationRecord extends EntityBase {
  kind: 'Organization';
}
export interface PlaceRecord extends EntityBase {
  kind: 'Place';
  country: string | null;
}
export interface ItemRecord extends EntityBase {
  kind: 'Item';
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
  /** Where the claim stands in its article: the offset its first passage starts at (see build.ts). */
  position: number;
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
  about: Role[];
  partOf: Role | null;
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
  /** Where the article gives the name; null when the name is a label the data chose. */
  nameEvidence: Evidence | null;
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

export type Predicate = Enum<'statements'>[number]['predicate'];
export type Modality = NonNullable<Enum<'statements'>[number]['modality']>;

/** One value of a statement's role: a record, or (`ref` null) the article's words alone. */
export interface StatementRole {
  role: StatementRoleKind;
  ref: string | null;
  evidence: Evidence[];
}

export interface StatementRecord extends ClaimBase {
  kind: 'Statement';
  predicate: Predicate;
  /** Every role's values, role by role in the order of STATEMENT_ROLES, each in file order. */
  roles: StatementRole[];
  polarity: 'AFFIRMED' | 'NEGATED';
  modality: Modality | null;
  /** Null for the article's own voice. */
  attribution: { speakers: Role[]; quotes: string[] } | null;
  date: EventDate | null;
}

export type ActorRecord = PersonRecord | CountryRecord | OrganizationRecord;
export type EntityRecord = ActorRecord | PlaceRecord | ItemRecord;
export type ClaimRecord =
  | EventRecord
  | ProvisionRecord
  | AgreementRecord
  | AccusationRecord
  | QuoteRecord
  | StatementRecord;
export type NodeRecord = EntityRecord | ClaimRecord | ArticleRecord;
export type Kind = NodeRecord['kind'];
export type RecordOf<K extends Kind> = Extract<NodeRecord, { kind: K }>;

/** The files under entities/, each with the kind of its records, in the order they are read. */
export const ENTITY_FILES = {
  people: 'Person',
  countries: 'Country',
  organizations: 'Organization',
  places: 'Place',
  items: 'Item',
} as const satisfies Partial<Record<keyof typeof files, Kind>>;

/** Kinds that can sign, accuse, be accused, respond or speak. */
export const ACTOR_KINDS = ['Person', 'Country', 'Organization'] as const satisfies Kind[];
/** Kinds an article names: the actors, places and items. */
export const ENTITY_KINDS = Object.values(ENTITY_FILES) satisfies EntityRecord['kind'][];
/** Where an event can take place: a place, or a whole country. */
export const LOCATION_KINDS = ['Place', 'Country'] as const satisfies Kind[];
/** What an article states. */
export const CLAIM_KINDS = [
  'Event',
  'Agreement',
  'Provision',
  'Accusation',
  'Quote',
  'Statement',
] as const satisfies ClaimRecord['kind'][];
/** CLAIM_KINDS, to test a record's kind against. */
export const CLAIM_KIND_SET: ReadonlySet<Kind> = new Set(CLAIM_KINDS);
/** Every kind of record: what a quote can be about, what a search can find. */
export const NODE_KINDS = [...ENTITY_KINDS, ...CLAIM_KINDS, 'Article'] as const satisfies Kind[];

/**
 * The roles of a statement: for each field of a statement file, the role it fills and the kinds
 * of record its values may name (a value may also be the article's words alone).
 */
export const STATEMENT_ROLES = {
  subjects: { role: 'SUBJECT', kinds: NODE_KINDS },
  objects: { role: 'OBJECT', kinds: NODE_KINDS },
  targets: { role: 'TARGET', kinds: ENTITY_KINDS },
  beneficiaries: { role: 'BENEFICIARY', kinds: ACTOR_KINDS },
  places: { role: 'PLACE', kinds: LOCATION_KINDS },
  times: { role: 'TIME', kinds: ['Event'] },
  purposes: { role: 'PURPOSE', kinds: NODE_KINDS },
  topics: { role: 'TOPIC', kinds: NODE_KINDS },
  means: { role: 'MEANS', kinds: NODE_KINDS },
  causes: { role: 'CAUSE', kinds: NODE_KINDS },
} as const satisfies Record<string, { role: string; kinds: readonly Kind[] }>;

export type StatementRoleKind = (typeof STATEMENT_ROLES)[keyof typeof STATEMENT_ROLES]['role'];
