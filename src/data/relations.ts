/**
 * The relation indexes, declared once: each names the kinds of record it leads to and how a
 * record's keys are derived from it. The corpus builds them all when the load is done (see
 * `Corpus.index`), so that no resolver scans a list: `quotesBySpeaker` of a person's id is the
 * list of that person's quotes, in load order.
 */
import {
  CLAIM_KINDS,
  type ClaimRecord,
  ENTITY_KINDS,
  type EntityInArticle,
  type ItemRecord,
  type Kind,
  type NodeRecord,
  type RecordOf,
  type Role,
} from './records.ts';

/** What a derivation may read besides its record: other records, and what each article says of each entity. */
export interface Lookup {
  get(id: string): NodeRecord | undefined;
  inArticles(entity: string): readonly EntityInArticle[];
}

/** An index of the records of `kinds`, each listed under every key `keys` gives it. */
export interface Derivation<K extends Kind = Kind> {
  kinds: readonly K[];
  keys(record: RecordOf<K>, lookup: Lookup): Iterable<string>;
}

function of<K extends Kind>(
  kinds: K | readonly K[],
  keys: (record: RecordOf<K>, lookup: Lookup) => Iterable<string>,
): Derivation<K> {
  return { kinds: typeof kinds === 'string' ? [kinds] : kinds, keys };
}

const refs = (roles: readonly Role[]) => roles.map((role) => role.ref);
const optional = (key: string | null | undefined) => (key == null ? [] : [key]);

/** The key under which `claimsByKind` lists every claim, whatever its kind. */
export const ANY_KIND = '*';

/** The key of `statementsByRole`: a role and the record that fills it. */
export const roleKey = (role: string, ref: string) => `${role} ${ref}`;

/** Every record a claim names, in any role or link: what `claims(involving:)` finds it by. */
function references(claim: ClaimRecord): (string | null)[] {
  switch (claim.kind) {
    case 'Event':
      return [...refs(claim.participants), claim.place?.ref ?? null, ...refs(claim.about), claim.partOf?.ref ?? null];
    case 'Agreement':
      return [...refs(claim.parties), ...refs(claim.signatories), claim.publishedBy?.ref ?? null, claim.event];
    case 'Provision':
      return [claim.agreement];
    case 'Accusation':
      return [claim.accusers, claim.accused, claim.items, claim.beneficiaries, claim.responses].flatMap(refs);
    case 'Quote':
      return [claim.speaker.ref, ...refs(claim.about), claim.event, claim.channel.via];
    case 'Statement':
      return [
        ...claim.roles.map((role) => role.ref),
        ...refs(claim.attribution?.speakers ?? []),
        ...(claim.attribution?.quotes ?? []),
      ];
  }
}

export const RELATIONS = {
  accusationsByAccuser: of('Accusation', (accusation) => refs(accusation.accusers)),
  accusationsByAccused: of('Accusation', (accusation) => refs(accusation.accused)),
  accusationsByItem: of('Accusation', (accusation) => refs(accusation.items)),
  accusationsByBeneficiary: of('Accusation', (accusation) => refs(accusation.beneficiaries)),
  accusationsByResponder: of('Accusation', (accusation) => refs(accusation.responses)),
  accusationsByStance: of('Accusation', (accusation) => accusation.responses.map((response) => response.stance)),
  accusationsByItemCategory: of('Accusation', (accusation, lookup) =>
    accusation.items.map((role) => (lookup.get(role.ref) as ItemRecord).category),
  ),
  agreementsByParty: of('Agreement', (agreement) => refs(agreement.parties)),
  agreementsBySignatory: of('Agreement', (agreement) => refs(agreement.signatories)),
  agreementsByEvent: of('Agreement', (agreement) => optional(agreement.event)),
  quotesBySpeaker: of('Quote', (quote) => [quote.speaker.ref]),
  quotesByTopic: of('Quote', (quote) => refs(quote.about)),
  quotesByEvent: of('Quote', (quote) => optional(quote.event)),
  quotesByChannel: of('Quote', (quote) => [quote.channel.kind]),
  quotesByForm: of('Quote', (quote) => [quote.form]),
  eventsByKind: of('Event', (event) => [event.eventKind]),
  eventsByParticipant: of('Event', (event) => refs(event.participants)),
  eventsByPlace: of('Event', (event) => optional(event.place?.ref)),
  eventsByTopic: of('Event', (event) => refs(event.about)),
  eventsByParent: of('Event', (event) => optional(event.partOf?.ref)),
  statementsByPredicate: of('Statement', (statement) => [statement.predicate]),
  statementsByRef: of('Statement', (statement) => statement.roles.flatMap((role) => optional(role.ref))),
  statementsByRole: of('Statement', (statement) =>
    statement.roles.flatMap((role) => (role.ref === null ? [] : [roleKey(role.role, role.ref)])),
  ),
  statementsBySpeaker: of('Statement', (statement) => refs(statement.attribution?.speakers ?? [])),
  statementsByQuote: of('Statement', (statement) => statement.attribution?.quotes ?? []),
  statementsByModality: of('Statement', (statement) => optional(statement.modality)),
  statementsByPolarity: of('Statement', (statement) => [statement.polarity]),
  placesByCountry: of('Place', (place) => optional(place.country)),
  claimsByArticle: of(CLAIM_KINDS, (claim) => [claim.article]),
  claimsByKind: of(CLAIM_KINDS, (claim) => [claim.kind, ANY_KIND]),
  claimsByRef: of(CLAIM_KINDS, (claim) => references(claim).filter((ref) => ref !== null)),
  entitiesByArticle: of(ENTITY_KINDS, (entity, lookup) => lookup.inArticles(entity.id).map((entry) => entry.article)),
};

export type Relation = keyof typeof RELATIONS;

/** The records each relation leads to, by the relation's name. */
export type Relations = {
  [R in Relation]: (typeof RELATIONS)[R] extends Derivation<infer K> ? RecordOf<K> : never;
};
