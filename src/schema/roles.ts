/**
 * The links from a claim to what it names. Each carries the article's words that state the link,
 * so "who accused whom" points at the words that say so, not only at the claim as a whole.
 */
import { builder } from '../builder.ts';
import type { Sentence } from '../data/evidence.ts';
import { ACTOR_KINDS, LOCATION_KINDS, NODE_KINDS, type NodeRecord } from '../data/records.ts';
import { kindOf } from './node.ts';
import {
  Accusation,
  Actor,
  ActorRole,
  Agreement,
  Article,
  Country,
  Event,
  EventRole,
  EvidenceRef,
  Item,
  ItemRole,
  LocationRole,
  Organization,
  Person,
  Place,
  Provision,
  Quote,
  ResponseRef,
  SentenceRef,
  Statement,
  SubjectRole,
} from './refs.ts';

const Location = builder.unionType('Location', {
  description: 'Where something happened: a place, or a whole country.',
  types: () => [Place, Country],
  resolveType: kindOf,
});

export const Subject = builder.unionType('Subject', {
  description:
    'Anything the graph holds: what a quote or an event can be about (a record), what a search can find (a record or a sentence).',
  types: () => [
    Person,
    Country,
    Organization,
    Place,
    Item,
    Agreement,
    Provision,
    Accusation,
    Quote,
    Event,
    Statement,
    Article,
    SentenceRef,
  ],
  resolveType: (record: NodeRecord | Sentence) => record.kind,
});

const LINK_EVIDENCE = 'The words of the article that state this link.';

ActorRole.implement({
  description: "An actor's part in a claim or event (accuser, accused, party, signatory, speaker, …).",
  fields: (t) => ({
    actor: t.field({
      type: Actor,
      description: 'Who.',
      resolve: (role, _args, context) => context.loaders.ref(role.ref, ACTOR_KINDS),
    }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: LINK_EVIDENCE }),
  }),
});

export const StanceEnum = builder.enumType('Stance', {
  description: "The accused side's answer to an accusation.",
  values: {
    DENIED: { description: 'Rejected or denied the accusation.' },
    CONFIRMED: { description: 'Confirmed the accusation.' },
    NEITHER_CONFIRMED_NOR_DENIED: { description: 'Neither confirmed nor denied it.' },
  } as const,
});

ResponseRef.implement({
  description: "One party's answer to an accusation.",
  fields: (t) => ({
    actor: t.field({
      type: Actor,
      description: 'Who answered.',
      resolve: (role, _args, context) => context.loaders.ref(role.ref, ACTOR_KINDS),
    }),
    stance: t.field({ type: StanceEnum, description: 'What they answered.', resolve: (role) => role.stance }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: LINK_EVIDENCE }),
  }),
});

ItemRole.implement({
  description: 'An item named in a claim (drones, missiles, soldiers).',
  fields: (t) => ({
    item: t.field({
      type: Item,
      description: 'What.',
      resolve: (role, _args, context) => context.loaders.ref(role.ref, ['Item']),
    }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: LINK_EVIDENCE }),
  }),
});

LocationRole.implement({
  description: 'Where an event took place.',
  fields: (t) => ({
    location: t.field({
      type: Location,
      description: 'The place or country.',
      resolve: (role, _args, context) => context.loaders.ref(role.ref, LOCATION_KINDS),
    }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: LINK_EVIDENCE }),
  }),
});

SubjectRole.implement({
  description: 'What a quote or an event is about, or what a title relates its entity to.',
  fields: (t) => ({
    subject: t.field({
      type: Subject,
      description: 'The entity, claim or event.',
      resolve: (role, _args, context) => context.loaders.ref(role.ref, NODE_KINDS),
    }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: LINK_EVIDENCE }),
  }),
});

EventRole.implement({
  description: 'An event that another is part of.',
  fields: (t) => ({
    event: t.field({
      type: Event,
      description: 'The event.',
      resolve: (role, _args, context) => context.loaders.ref(role.ref, ['Event']),
    }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: LINK_EVIDENCE }),
  }),
});
