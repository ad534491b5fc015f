/**
 * Statements: what an article asserts beyond its agreements, accusations, quotes and events (an
 * alliance, a rapprochement, sanctions, a promise, a call), after Wikidata's statement model
 * (subject, property, values, qualifiers, references) and nanopublications (an assertion with its
 * provenance). Each value of each role carries its own evidence.
 */
import { builder } from '../builder.ts';
import type { Modality as ModalityValue, Predicate as PredicateValue, StatementRoleKind } from '../data/records.ts';
import { ACTOR_KINDS, NODE_KINDS, STATEMENT_ROLES } from '../data/records.ts';
import { roleKey } from '../data/relations.ts';
import { matching, page } from '../pagination.ts';
import { filterId, takesIdOf } from './arguments.ts';
import { nodeOptions } from './node.ts';
import {
  ActorRole,
  AttributionRef,
  Claim,
  EventDateRef,
  EvidenceRef,
  Quote,
  Statement,
  StatementConnection,
  StatementRoleRef,
} from './refs.ts';
import { Subject } from './roles.ts';

type Described<K extends string> = Record<K, { description: string }>;

export const Predicate = builder.enumType('Predicate', {
  description:
    'The relation a statement asserts: a closed vocabulary, grown with the articles. Each value says what ' +
    'its subjects and objects hold; other roles (target, place, time…) qualify it.',
  values: {
    ALLIANCE: { description: 'The subjects are, or would be, allied; `means` is the agreement that makes it.' },
    ALLY_OF: { description: 'The subjects are allies of the objects ("their ally Bashar al-Assad").' },
    RAPPROCHEMENT: { description: 'The subjects draw closer to one another.' },
    CLOSE_TIES: { description: 'The subjects have forged close ties.' },
    MUTUAL_SUPPORT: { description: 'The subjects support each other; `topics` say on what.' },
    COOPERATION: { description: 'The subjects cooperate, or strengthen their cooperation, in the objects.' },
    COUNTERWEIGHT: {
      description: 'The subjects are, or mean to be, a counterweight to the objects; the targets are whose they are.',
    },
    OPPOSITION: { description: 'The subjects oppose the objects; the targets are whom the objects come from.' },
    SANCTION: {
      description: 'Sanctions on the targets, imposed by the subjects where named; the objects are what they affect.',
    },
    POLICY_TOWARDS: { description: 'The subjects pursue, or pursued, the objects (a policy) towards the targets.' },
    PROMISE: { description: 'The subjects promise the objects (modality PROMISED).' },
    PROJECT: { description: 'The subjects pursue or build the objects: a project, a plan, a new order.' },
    FAILURE: { description: 'The subjects suffer a failure (the objects); `causes` say what brought it.' },
    LOSS: { description: 'The subjects lose the objects (influence).' },
    CALL_FOR: { description: 'The subjects call for the objects (modality CALLED_FOR).' },
    HOPE_FOR: { description: 'The subjects hope for the objects (modality HOPED).' },
    DISCUSSION: { description: 'The subjects, where named, discuss or raise the objects.' },
    PRAISE: { description: 'The subjects praise, or are satisfied with, the objects.' },
    REPLACEMENT: { description: 'The subjects are to replace the objects; the targets are whose the objects are.' },
  } as const satisfies Described<PredicateValue>,
});

/** What each role holds: the enum's values and the statement's role fields share them. */
const ROLES = {
  SUBJECT: { description: 'Who or what the statement is about.' },
  OBJECT: { description: 'The values the predicate relates the subjects to.' },
  TARGET: { description: 'Whom it is directed against or towards.' },
  BENEFICIARY: { description: 'Whom it serves.' },
  PLACE: { description: 'Where.' },
  TIME: { description: 'When: the event or period it lies in.' },
  PURPOSE: { description: 'What it is for.' },
  TOPIC: { description: 'What it concerns.' },
  MEANS: { description: 'What it is done through (an agreement).' },
  CAUSE: { description: 'What brought it about.' },
} as const satisfies Described<StatementRoleKind>;

export const StatementRoleKindEnum = builder.enumType('StatementRoleKind', {
  description: 'The part a value plays in a statement.',
  values: ROLES,
});

const Polarity = builder.enumType('Polarity', {
  description: 'Whether the text says the statement holds or that it does not.',
  values: {
    AFFIRMED: { description: 'The text says it is so.' },
    NEGATED: { description: 'The text says it is not so ("was not aimed at").' },
  } as const,
});

const Modality = builder.enumType('Modality', {
  description: 'The mode in which the text holds what a statement says, where it gives one.',
  values: {
    ANNOUNCED: { description: 'Announced ("announced a strengthening").' },
    CALLED_FOR: { description: 'Called for.' },
    HOPED: { description: 'Hoped for.' },
    INTENDED: { description: 'Intended or aimed at ("intended as", "aimed at").' },
    PROMISED: { description: 'Promised.' },
    REPORTED: { description: 'Said by the speakers in reported speech ("affirming that"), with no other mode.' },
    WISHED: { description: 'Wanted or wished ("want to be", "wishes to develop").' },
  } as const satisfies Described<ModalityValue>,
});

const Voice = builder.enumType('Voice', {
  description: 'Whose words carry a statement.',
  values: {
    ARTICLE: { description: "The article's own voice." },
    SPEAKER: { description: 'Speakers the article reports (see `speakers` and `quotes`).' },
  } as const,
});

StatementRoleRef.implement({
  description: "One value of a statement's role: a record, or the article's words alone, with its evidence.",
  fields: (t) => ({
    role: t.field({ type: StatementRoleKindEnum, description: 'The role it fills.', resolve: (role) => role.role }),
    value: t.field({
      type: Subject,
      nullable: true,
      description: "The record that fills the role; null when the value is the article's words alone (`evidence`).",
      resolve: (role, _args, context) => (role.ref === null ? null : context.loaders.ref(role.ref, NODE_KINDS)),
    }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: 'The words of the article that state it.' }),
  }),
});

/** The attribution of a statement in the article's own voice. */
const ARTICLE_VOICE = { speakers: [], quotes: [] };

AttributionRef.implement({
  description: 'Whose words carry a statement: the article itself, or speakers, with the quotes holding their words.',
  fields: (t) => ({
    voice: t.field({
      type: Voice,
      description: 'The article, or speakers.',
      resolve: (attribution) => (attribution.speakers.length > 0 ? 'SPEAKER' : 'ARTICLE'),
    }),
    speakers: t.expose('speakers', {
      type: [ActorRole],
      description: 'Who says it, with the words that attribute it to them; empty for the article.',
    }),
    quotes: t.field({
      type: [Quote],
      description: "The quotes that hold the speakers' words; empty when the article paraphrases them or speaks.",
      resolve: (attribution, _args, context) => attribution.quotes.map((id) => context.loaders.ref(id, ['Quote'])),
    }),
  }),
});

builder.node(Statement, {
  ...nodeOptions('Statement'),
  description:
    'An assertion of the article: a predicate, its values in typed roles (each with evidence), whether it is ' +
    'affirmed or negated, its modality, whose words carry it and when it holds.',
  interfaces: () => [Claim],
  fields: (t) => ({
    predicate: t.expose('predicate', { type: Predicate, description: 'The relation asserted.' }),
    roles: t.field({
      type: [StatementRoleRef],
      description: 'Every value of every role, role by role (the fields below, in their order).',
      args: { role: t.arg({ type: StatementRoleKindEnum, description: 'Only the values of this role.' }) },
      resolve: (statement, args) =>
        args.role ? statement.roles.filter((role) => role.role === args.role) : statement.roles,
    }),
    // One field per role (`subjects`, `objects`, `targets`…), in the order of STATEMENT_ROLES.
    ...Object.fromEntries(
      Object.entries(STATEMENT_ROLES).map(([field, { role }]) => [
        field,
        t.field({
          type: [StatementRoleRef],
          description: ROLES[role].description,
          resolve: (statement) => statement.roles.filter((value) => value.role === role),
        }),
      ]),
    ),
    polarity: t.expose('polarity', { type: Polarity, description: 'AFFIRMED, or NEGATED where the text says not.' }),
    modality: t.expose('modality', {
      type: Modality,
      nullable: true,
      description: 'The mode the text gives (promised, hoped, called for…); null when it states it plainly.',
    }),
    attribution: t.field({
      type: AttributionRef,
      description: 'Whose words carry it.',
      resolve: (statement) => statement.attribution ?? ARTICLE_VOICE,
    }),
    date: t.expose('date', {
      type: EventDateRef,
      nullable: true,
      description: 'When it holds, where the text dates it.',
    }),
  }),
});

builder.queryFields((t) => ({
  statements: t.connection(
    {
      type: Statement,
      description: 'Statements, in article order, optionally filtered; filters combine with AND.',
      args: {
        predicate: t.arg({ type: Predicate, description: 'Only statements of this predicate.' }),
        subject: t.arg.globalID({
          description: takesIdOf(NODE_KINDS, 'Only statements with this record among their subjects.'),
        }),
        object: t.arg.globalID({
          description: takesIdOf(NODE_KINDS, 'Only statements with this record among their objects.'),
        }),
        involving: t.arg.globalID({
          description: takesIdOf(NODE_KINDS, 'Only statements that name this record in any role.'),
        }),
        speaker: t.arg.globalID({
          description: takesIdOf(ACTOR_KINDS, "Only statements carried by this speaker's words."),
        }),
        polarity: t.arg({ type: Polarity, description: 'Only affirmed, or only negated, statements.' }),
        modality: t.arg({ type: Modality, description: 'Only statements of this modality.' }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const subject = filterId(corpus, 'subject', args.subject, NODE_KINDS);
        const object = filterId(corpus, 'object', args.object, NODE_KINDS);
        const involving = filterId(corpus, 'involving', args.involving, NODE_KINDS);
        const speaker = filterId(corpus, 'speaker', args.speaker, ACTOR_KINDS);
        return page(
          args,
          matching(corpus.all('Statement'), [
            args.predicate ? corpus.related('statementsByPredicate', args.predicate) : null,
            subject ? corpus.related('statementsByRole', roleKey('SUBJECT', subject)) : null,
            object ? corpus.related('statementsByRole', roleKey('OBJECT', object)) : null,
            involving ? corpus.related('statementsByRef', involving) : null,
            speaker ? corpus.related('statementsBySpeaker', speaker) : null,
            args.polarity ? corpus.related('statementsByPolarity', args.polarity) : null,
            args.modality ? corpus.related('statementsByModality', args.modality) : null,
          ]),
        );
      },
    },
    StatementConnection,
  ),
}));
