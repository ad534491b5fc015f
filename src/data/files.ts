/**
 * The shape of the files under data/, as zod schemas. This is the contract between the people
 * who extract facts by hand and the loader: every file is parsed with one of these schemas, and a
 * failure names the file, the record and the field.
 *
 * Layout:
 *   data/entities/{people,countries,organizations,places,items}.json   shared by every article
 *   data/articles/<article-id>/article.json                             metadata, and the claim files
 *   data/articles/<article-id>/text.txt                                 the article, byte for byte
 *   data/articles/<article-id>/{mentions,agreements,accusations,quotes,events,statements}.json
 *
 * An article folder holds article.json, text.txt and the claim files article.json's `files` lists,
 * nothing else; text.txt is UTF-8 without a byte order mark, with LF line endings.
 *
 * Entities are shared across articles by stable id. Everything an article says about them
 * (titles, surface forms) and every claim lives in that article's folder, with evidence that
 * quotes the article's text verbatim.
 */
import { z } from 'zod';

/** A stable, human-readable id: lower-case words joined by hyphens. Unique across the corpus. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "vladimir-putin"');

/**
 * The exact words of the article that state a fact. `prefix` and `suffix` (text immediately
 * before and after) are given only when `exact` occurs more than once, to pick one occurrence.
 */
export const EvidenceFile = z.strictObject({
  exact: z.string().min(1),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
});

/** One or more passages; most records cite one. */
const Evidences = z.array(EvidenceFile).min(1);

/** A link from a claim to an entity or record, with the words that state that link. */
const Role = z.strictObject({ ref: Id, evidence: Evidences });

// ---------------------------------------------------------------------------------------------
// Shared entities (data/entities/*.json)

/**
 * How a name refers to its entity. NAME is the entity's own `name`; the others are aliases:
 * SHORT_NAME a shorter form of the name ("Putin"), ALIAS another name, CAPITAL a capital standing
 * for its country's government ("Moscow"), DEMONYM the adjective of a country ("Russian").
 */
export const NameForm = z.enum(['SHORT_NAME', 'ALIAS', 'CAPITAL', 'DEMONYM']);

/** A name a single word or phrase, no white space at either end. */
const NameText = z
  .string()
  .min(1)
  .regex(/^\S(?:.*\S)?$/s, 'must not start or end with white space');

/**
 * What every entity declares: its id (its slug), its usual name and the other names the
 * articles call it by. The loader finds every occurrence of each name in the text of every
 * article that mentions the entity (see docs/data.md, "Names and mentions").
 */
const EntityNames = {
  id: Id,
  /** The usual name. */
  name: NameText,
  /**
   * False when no article writes `name` ("China": the article says "Beijing"). The loader checks
   * it both ways: a name said to be written must occur, one said not to be must not.
   */
  nameWritten: z.boolean().default(true),
  /** Other names the articles write; each must occur in an article that mentions the entity. */
  aliases: z.array(z.strictObject({ text: NameText, form: NameForm })).default([]),
};

export const PersonFile = z.strictObject(EntityNames);
export const CountryFile = z.strictObject(EntityNames);
export const OrganizationFile = z.strictObject(EntityNames);
export const PlaceFile = z.strictObject({
  ...EntityNames,
  /** The country the place lies in, where an article makes it plain. */
  country: Id.optional(),
});
/** Something that changes hands or is sent in a claim: drones, missiles, soldiers. */
export const ItemFile = z.strictObject({
  ...EntityNames,
  category: z.enum(['DRONE', 'MISSILE', 'TROOPS', 'OTHER']),
});

// ---------------------------------------------------------------------------------------------
// One article (data/articles/<id>/)

/** The claim files an article folder may hold, in the order the loader reads them. */
export const CLAIM_FILES = [
  'mentions.json',
  'agreements.json',
  'accusations.json',
  'quotes.json',
  'events.json',
  'statements.json',
] as const;
export type ClaimFile = (typeof CLAIM_FILES)[number];

export const ArticleFile = z.strictObject({
  id: Id,
  /**
   * The claim files the folder holds, each with at least one record. The loader refuses a listed
   * file that is missing or empty, and any file in the folder that is not listed (a misspelling).
   */
  files: z.array(z.enum(CLAIM_FILES)),
  title: z.string().min(1),
  /** The title as it stands in the text, which the loader finds. */
  titleEvidence: EvidenceFile,
  publisher: z.strictObject({ name: z.string().min(1), evidence: EvidenceFile }),
  language: z.string().min(2),
  published: z.strictObject({
    date: z.iso.date(),
    /** How the date was inferred from the text, for a reader to check. */
    inference: z.string().min(1),
    evidence: Evidences,
  }),
});

/**
 * What an article says of an entity it mentions. The occurrences of the entity's names are found
 * by the loader; this record adds what a name search cannot know: descriptions that stand for the
 * entity, occurrences of its names that are not it, and the titles the article gives it.
 */
export const MentionFile = z.strictObject({
  entity: Id,
  /**
   * Words that stand for the entity without naming it ("his Iranian counterpart", "the two
   * leaders"): noun phrases, not pronouns, and not a title set beside the name.
   */
  descriptions: z.array(EvidenceFile).default([]),
  /**
   * Occurrences of the entity's names that do not refer to it, each group with its reason
   * ("Moscow" where it stands for Russia's government is not the city).
   */
  exclusions: z.array(z.strictObject({ reason: z.string().min(1), evidence: Evidences })).default([]),
  /** Role, title or description as the article gives it ("Russian President"). */
  titles: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        evidence: Evidences,
        /**
         * The records the title relates the entity to, each with the words that name it: Russia
         * and Iran for "their ally", Putin for "his Iranian counterpart".
         */
        relatedTo: z.array(Role).default([]),
      }),
    )
    .default([]),
});

export const DatePrecision = z.enum(['DAY', 'MONTH', 'YEAR', 'RANGE']);

/**
 * A date resolved against the article's publication date. `start` (and `end` for a RANGE) are
 * ISO dates cut to the precision: "2025-01-17", "2024-12", "2024". A RANGE may be open-ended.
 */
export const DateFile = z.strictObject({
  precision: DatePrecision,
  start: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  end: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  /** The phrase the date was resolved from ("last year", "in December"). */
  phrase: EvidenceFile,
  /** How the phrase was resolved. */
  resolution: z.string().min(1),
});

export const EventKind = z.enum([
  'SIGNING',
  'CONCLUSION',
  'MEETING',
  'PRESS_CONFERENCE',
  'VISIT',
  'ARRIVAL',
  'CEREMONY',
  'SUMMIT',
  'FLIGHT',
  'TERM_OF_OFFICE',
  'RETURN_TO_POWER',
  'PUBLICATION',
  'STATEMENT',
  'MILITARY_OPERATION',
  'DISCUSSION',
]);

export const EventFile = z.strictObject({
  id: Id,
  kind: EventKind,
  /** A short name in the article's words where it has one. */
  name: z.string().min(1),
  date: DateFile,
  place: Role.optional(),
  participants: z.array(Role).default([]),
  /** What the event was about, where the text says: an agreement, a claim, an entity. */
  about: z.array(Role).default([]),
  /** The event it was part of ("during the BRICS summit"). */
  partOf: Role.optional(),
  evidence: Evidences,
});

export const ProvisionFile = z.strictObject({
  id: Id,
  /** A short label for the provision, in the article's words where possible. */
  summary: z.string().min(1),
  /** PROVIDED: the agreement provides this; NOT_PROVIDED: the article says it does not. */
  status: z.enum(['PROVIDED', 'NOT_PROVIDED']),
  evidence: Evidences,
});

export const AgreementFile = z.strictObject({
  id: Id,
  /** Its name: the article's words, given in `nameEvidence`, or else a label the data chose. */
  name: z.string().min(1),
  /** Where the article gives the name; its `exact` must be `name`. Absent: `name` is a label. */
  nameEvidence: EvidenceFile.optional(),
  parties: z.array(Role).min(1),
  signatories: z.array(Role).default([]),
  /** The event at which it was signed or concluded, which carries date and place. */
  event: Id.optional(),
  /** Number of articles of the text, where stated. */
  articleCount: z.strictObject({ value: z.number().int().positive(), evidence: Evidences }).optional(),
  /** Who published its text, where stated. */
  publishedBy: Role.optional(),
  provisions: z.array(ProvisionFile).default([]),
  evidence: Evidences,
});

export const Stance = z.enum(['DENIED', 'CONFIRMED', 'NEITHER_CONFIRMED_NOR_DENIED']);

export const AccusationFile = z.strictObject({
  id: Id,
  /** The alleged act, in the article's words ("supplying"). */
  act: z.string().min(1),
  accusers: z.array(Role).min(1),
  accused: z.array(Role).min(1),
  items: z.array(Role).default([]),
  /** Who the alleged act helps. */
  beneficiaries: z.array(Role).default([]),
  /** Each responding party's stance, one entry per party. */
  responses: z.array(z.strictObject({ ref: Id, stance: Stance, evidence: Evidences })).default([]),
  evidence: Evidences,
});

export const QuoteForm = z.enum(['FULL_SENTENCE', 'FRAGMENT']);
export const QuoteChannel = z.enum([
  'PRESS_CONFERENCE',
  'NEWS_AGENCY_ARTICLE',
  'QUOTED_BY_MEDIA',
  'TRANSLATION',
  'UNSPECIFIED',
]);

export const QuoteFile = z.strictObject({
  id: Id,
  speaker: Role,
  /** The quoted words exactly, without the quotation marks. */
  words: EvidenceFile,
  form: QuoteForm,
  channel: z.strictObject({
    kind: QuoteChannel,
    /** The outlet or event that carried the words, where named. */
    via: Id.optional(),
    evidence: Evidences.optional(),
  }),
  /** What the words are about: entities, agreements, provisions, events. */
  about: z.array(Role).default([]),
  /** The event at which the words were said or written, where known. */
  event: Id.optional(),
  /** The passage that attributes the words to the speaker. */
  evidence: Evidences,
});

/**
 * The relation a statement asserts. The GraphQL enum `Predicate` (src/schema/statement.ts)
 * describes each value and what its roles hold.
 */
export const Predicate = z.enum([
  'ALLIANCE',
  'ALLY_OF',
  'RAPPROCHEMENT',
  'CLOSE_TIES',
  'MUTUAL_SUPPORT',
  'COOPERATION',
  'COUNTERWEIGHT',
  'OPPOSITION',
  'SANCTION',
  'POLICY_TOWARDS',
  'PROMISE',
  'PROJECT',
  'FAILURE',
  'LOSS',
  'CALL_FOR',
  'HOPE_FOR',
  'DISCUSSION',
  'PRAISE',
  'REPLACEMENT',
]);

export const Polarity = z.enum(['AFFIRMED', 'NEGATED']);

/** The mode in which the text holds what a statement says, where it gives one. */
export const Modality = z.enum(['ANNOUNCED', 'CALLED_FOR', 'HOPED', 'INTENDED', 'PROMISED', 'REPORTED', 'WISHED']);

/**
 * What fills one role of a statement: a record (`ref`), or, without `ref`, the article's words
 * themselves ("heavy international sanctions", "in recent years"); either way with evidence.
 */
const ValueRole = z.strictObject({ ref: Id.optional(), evidence: Evidences });
const ValueRoles = z.array(ValueRole).default([]);

/**
 * A statement: an assertion of the article, after Wikidata's statement model (a subject, a
 * property, values, qualifiers, references) and nanopublications (an assertion with its
 * provenance). The roles are typed; src/data/records.ts (STATEMENT_ROLES) says what each may name.
 */
export const StatementFile = z.strictObject({
  id: Id,
  predicate: Predicate,
  /** Who or what the statement is about: the allies, the sanctioned, the one who promises. */
  subjects: ValueRoles,
  /** The value the predicate relates the subjects to: the ally, what is promised or hoped for. */
  objects: ValueRoles,
  /** Whom it is directed against: the influence countered, the country a policy is towards. */
  targets: ValueRoles,
  /** Whom it serves. */
  beneficiaries: ValueRoles,
  places: ValueRoles,
  /** When: the event or period it lies in ("since the assault on Ukraine", "in recent years"). */
  times: ValueRoles,
  /** What it is for. */
  purposes: ValueRoles,
  /** What it concerns ("on numerous international issues", "regarding their economic cooperation"). */
  topics: ValueRoles,
  /** What it is done through: an agreement. */
  means: ValueRoles,
  /** What brought it about ("with the flight from Syria of their ally"). */
  causes: ValueRoles,
  /** NEGATED where the text says it is not so ("was not aimed at"). */
  polarity: Polarity.default('AFFIRMED'),
  /** Where the text gives one: "promised", "hoped", "called for", "intended as", "wants". */
  modality: Modality.optional(),
  /**
   * Whose words carry it: absent for the article's own voice; otherwise the speakers, with the
   * words that attribute it to them, and the quotes that hold their words, if any.
   */
  attribution: z
    .strictObject({
      speakers: z.array(Role).min(1),
      quotes: z.array(Id).default([]),
    })
    .optional(),
  /** When it holds, where the text dates it; as an event's date. */
  date: DateFile.optional(),
  evidence: Evidences,
});

/** The schema of each file, as zod's general parser runs it. */
export const fileSchemas = {
  people: z.array(PersonFile),
  countries: z.array(CountryFile),
  organizations: z.array(OrganizationFile),
  places: z.array(PlaceFile),
  items: z.array(ItemFile),
  article: ArticleFile,
  mentions: z.array(MentionFile),
  agreements: z.array(AgreementFile),
  accusations: z.array(AccusationFile),
  quotes: z.array(QuoteFile),
  events: z.array(EventFile),
  statements: z.array(StatementFile),
} as const;

/**
 * The schema of each file, compiled: a valid file is checked by code generated for its schema,
 * several times faster than zod's general parser, and an invalid one is parsed again by that
 * parser, so a fault is reported exactly as before. `strict`: a schema the compiler cannot take
 * stops the import here rather than quietly falling back to the slow path for every file.
 */
export const files = compiled(fileSchemas);

function compiled<T extends Record<string, z.ZodType>>(schemas: T): T {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, z.compile(schema, { strict: true })]),
  ) as T;
}

export type EvidenceFile = z.infer<typeof EvidenceFile>;
export type NameForm = z.infer<typeof NameForm>;
export type PersonFile = z.infer<typeof PersonFile>;
export type CountryFile = z.infer<typeof CountryFile>;
export type OrganizationFile = z.infer<typeof OrganizationFile>;
export type PlaceFile = z.infer<typeof PlaceFile>;
export type ItemFile = z.infer<typeof ItemFile>;
export type ArticleFile = z.infer<typeof ArticleFile>;
export type MentionFile = z.infer<typeof MentionFile>;
export type DateFile = z.infer<typeof DateFile>;
export type EventFile = z.infer<typeof EventFile>;
export type ProvisionFile = z.infer<typeof ProvisionFile>;
export type AgreementFile = z.infer<typeof AgreementFile>;
export type AccusationFile = z.infer<typeof AccusationFile>;
export type QuoteFile = z.infer<typeof QuoteFile>;
export type StatementFile = z.infer<typeof StatementFile>;
