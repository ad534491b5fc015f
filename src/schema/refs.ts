/**
 * The ref of every object and interface type, and every connection type, declared before any is
 * implemented. A type file implements the refs of its name (`Accusation` in accusation.ts) and
 * imports the refs it links to from here, never from another type file: the type files import
 * no cycle, and any of them can be loaded first.
 */
import { builder } from '../builder.ts';
import type { Evidence, Sentence } from '../data/evidence.ts';
import type { Mention } from '../data/mentions.ts';
import type { NameMatch } from '../data/names.ts';
import type {
  AccusationRecord,
  ActorRecord,
  AgreementRecord,
  ArticleRecord,
  ClaimRecord,
  CountryRecord,
  EntityName,
  EntityRecord,
  EventDate,
  EventRecord,
  ItemRecord,
  OrganizationRecord,
  PersonRecord,
  PlaceRecord,
  ProvisionRecord,
  QuoteRecord,
  ResponseRole,
  Role,
  StatementRecord,
  StatementRole,
  Title,
} from '../data/records.ts';
import type { Highlight } from '../search/highlight.ts';
import type { SearchHit } from '../search/search.ts';

// Interfaces: entity.ts, claim.ts.
export const Entity = builder.interfaceRef<EntityRecord>('Entity');
export const Actor = builder.interfaceRef<ActorRecord>('Actor');
export const Claim = builder.interfaceRef<ClaimRecord>('Claim');

// Entities: person.ts, country.ts, organization.ts, place.ts, item.ts.
export const Person = builder.objectRef<PersonRecord>('Person');
export const Country = builder.objectRef<CountryRecord>('Country');
export const Organization = builder.objectRef<OrganizationRecord>('Organization');
export const Place = builder.objectRef<PlaceRecord>('Place');
export const Item = builder.objectRef<ItemRecord>('Item');

// Articles and claims: article.ts, agreement.ts, accusation.ts, quote.ts, event.ts, statement.ts.
export const Article = builder.objectRef<ArticleRecord>('Article');
export const Agreement = builder.objectRef<AgreementRecord>('Agreement');
export const Provision = builder.objectRef<ProvisionRecord>('Provision');
export const Accusation = builder.objectRef<AccusationRecord>('Accusation');
export const Quote = builder.objectRef<QuoteRecord>('Quote');
export const Event = builder.objectRef<EventRecord>('Event');
export const EventDateRef = builder.objectRef<EventDate>('EventDate');
export const Statement = builder.objectRef<StatementRecord>('Statement');
export const StatementRoleRef = builder.objectRef<StatementRole>('StatementRole');
export const AttributionRef = builder.objectRef<NonNullable<StatementRecord['attribution']>>('Attribution');

// Evidence, sentences and mentions: evidence.ts, sentence.ts, entity.ts.
export const EvidenceRef = builder.objectRef<Evidence>('Evidence');
export const SentenceRef = builder.objectRef<Sentence>('Sentence');
export const TitleRef = builder.objectRef<Title>('Title');
export const MentionRef = builder.objectRef<Mention>('Mention');
export const EntityNameRef = builder.objectRef<EntityName>('EntityName');
export const NameMatchRef = builder.objectRef<NameMatch>('NameMatch');

// Roles, the links from a claim to what it names: roles.ts.
export const ActorRole = builder.objectRef<Role>('ActorRole');
export const ResponseRef = builder.objectRef<ResponseRole>('Response');
export const ItemRole = builder.objectRef<Role>('ItemRole');
export const LocationRole = builder.objectRef<Role>('LocationRole');
export const SubjectRole = builder.objectRef<Role>('SubjectRole');
export const EventRole = builder.objectRef<Role>('EventRole');

// Search: search.ts.
export const SearchHitRef = builder.objectRef<SearchHit>('SearchHit');
export const HighlightRef = builder.objectRef<Highlight>('Highlight');

// Connections, each with its edge type.
export const EntityConnection = builder.connectionObject(
  { type: Entity, name: 'EntityConnection', description: 'A page of entities.' },
  { name: 'EntityEdge', description: 'One of a page of entities, with its cursor.' },
);
export const ClaimConnection = builder.connectionObject(
  { type: Claim, name: 'ClaimConnection', description: 'A page of claims.' },
  { name: 'ClaimEdge', description: 'One of a page of claims, with its cursor.' },
);
export const PersonConnection = builder.connectionObject(
  { type: Person, name: 'PersonConnection', description: 'A page of people.' },
  { name: 'PersonEdge', description: 'One of a page of people, with its cursor.' },
);
export const CountryConnection = builder.connectionObject(
  { type: Country, name: 'CountryConnection', description: 'A page of countries.' },
  { name: 'CountryEdge', description: 'One of a page of countries, with its cursor.' },
);
export const OrganizationConnection = builder.connectionObject(
  { type: Organization, name: 'OrganizationConnection', description: 'A page of organizations.' },
  { name: 'OrganizationEdge', description: 'One of a page of organizations, with its cursor.' },
);
export const PlaceConnection = builder.connectionObject(
  { type: Place, name: 'PlaceConnection', description: 'A page of places.' },
  { name: 'PlaceEdge', description: 'One of a page of places, with its cursor.' },
);
export const ItemConnection = builder.connectionObject(
  { type: Item, name: 'ItemConnection', description: 'A page of items.' },
  { name: 'ItemEdge', description: 'One of a page of items, with its cursor.' },
);
export const ArticleConnection = builder.connectionObject(
  { type: Article, name: 'ArticleConnection', description: 'A page of articles.' },
  { name: 'ArticleEdge', description: 'An article in a page, with its cursor.' },
);
export const AgreementConnection = builder.connectionObject(
  { type: Agreement, name: 'AgreementConnection', description: 'A page of agreements.' },
  { name: 'AgreementEdge', description: 'One of a page of agreements, with its cursor.' },
);
export const AccusationConnection = builder.connectionObject(
  { type: Accusation, name: 'AccusationConnection', description: 'A page of accusations.' },
  { name: 'AccusationEdge', description: 'One of a page of accusations, with its cursor.' },
);
export const QuoteConnection = builder.connectionObject(
  { type: Quote, name: 'QuoteConnection', description: 'A page of quotes.' },
  { name: 'QuoteEdge', description: 'One of a page of quotes, with its cursor.' },
);
export const EventConnection = builder.connectionObject(
  { type: Event, name: 'EventConnection', description: 'A page of events.' },
  { name: 'EventEdge', description: 'One of a page of events, with its cursor.' },
);
export const StatementConnection = builder.connectionObject(
  { type: Statement, name: 'StatementConnection', description: 'A page of statements.' },
  { name: 'StatementEdge', description: 'One of a page of statements, with its cursor.' },
);
export const SentenceConnection = builder.connectionObject(
  { type: SentenceRef, name: 'SentenceConnection', description: 'A page of sentences.' },
  { name: 'SentenceEdge', description: 'One sentence in a page, with its cursor.' },
);
export const MentionConnection = builder.connectionObject(
  { type: MentionRef, name: 'MentionConnection', description: 'A page of mentions.' },
  { name: 'MentionEdge', description: 'One mention in a page, with its cursor.' },
);
export const TitleConnection = builder.connectionObject(
  { type: TitleRef, name: 'TitleConnection', description: 'A page of titles.' },
  { name: 'TitleEdge', description: 'One title in a page, with its cursor.' },
);
export const SearchConnection = builder.connectionObject(
  { type: SearchHitRef, name: 'SearchConnection', description: 'A page of search results, best first.' },
  { name: 'SearchEdge', description: 'One search result, with its cursor.' },
);
