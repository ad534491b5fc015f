/**
 * How the articles refer to entities: every mention (`Mention`), the names each entity is
 * declared with (`EntityName`), and the look-up of entities by any of those names
 * (`entitiesNamed`).
 */
import { builder } from '../builder.ts';
import { ENTITY_KINDS } from '../data/records.ts';
import { passageFields } from './evidence.ts';
import { Entity, EntityNameRef, MentionRef, NameMatchRef } from './refs.ts';

export const MentionForm = builder.enumType('MentionForm', {
  description: 'How an article refers to an entity at one place, or how one of its names relates to it.',
  values: {
    NAME: { description: 'Its name in full (`Entity.name`): "Vladimir Putin", "Russia".' },
    SHORT_NAME: { description: 'A shorter form of the name: "Putin".' },
    ALIAS: { description: 'Another name for it.' },
    CAPITAL: { description: 'Its capital standing for a country\'s government: "Moscow", "Tehran", "kyiv".' },
    DEMONYM: { description: 'The adjective of a country: "Russian", "Iranian", "American".' },
    DESCRIPTION: {
      description:
        'Words that stand for it without naming it: "his Iranian counterpart", "the two leaders". Pronouns ("he", ' +
        '"his") are not counted, nor a title set beside the name ("Russian President Vladimir Putin" is one mention).',
    },
  } as const,
});

export const EntityKind = builder.enumType('EntityKind', {
  description: 'The kinds of entity.',
  values: Object.fromEntries(
    ENTITY_KINDS.map((kind) => [kind.toUpperCase(), { value: kind, description: `A ${kind.toLowerCase()}.` }]),
  ) as Record<Uppercase<(typeof ENTITY_KINDS)[number]>, { value: (typeof ENTITY_KINDS)[number]; description: string }>,
});

MentionRef.implement({
  description:
    'One place an article refers to an entity: the words, at their offsets (as `Evidence`), and how they refer ' +
    'to it. Every mention is verified at load: `Article.text.slice(start, end) === exact`.',
  fields: (t) => ({
    ...passageFields(t),
    entity: t.field({
      type: Entity,
      description: 'The entity referred to.',
      resolve: (mention, _args, context) => context.loaders.ref(mention.entity, ENTITY_KINDS),
    }),
    form: t.field({ type: MentionForm, description: 'How the words refer to it.', resolve: (mention) => mention.form }),
    name: t.string({
      nullable: true,
      description:
        'The declared name these words are (`EntityName.text`; the first letter may differ in case); null for a ' +
        'description.',
      resolve: (mention) => mention.name?.text ?? null,
    }),
  }),
});

EntityNameRef.implement({
  description:
    "One of an entity's names as data/entities/ declares it, and whether and how often the articles write it.",
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The name, as declared.' }),
    form: t.field({
      type: MentionForm,
      description: 'NAME for `Entity.name`, or the kind of alias.',
      resolve: (n) => n.form,
    }),
    written: t.boolean({
      description:
        'Whether an article writes it. False for a name from outside the text: the article never writes "China", ' +
        'only "Beijing". The loader checks it against the text.',
      resolve: (name) => name.occurrences > 0,
    }),
    mentionCount: t.exposeInt('mentionCount', {
      description:
        'How many of its occurrences are mentions of the entity (an occurrence may be excluded: see docs/data.md).',
    }),
  }),
});

NameMatchRef.implement({
  description: 'An entity that a name names, with the name as the corpus holds it.',
  fields: (t) => ({
    entity: t.field({ type: Entity, description: 'The entity.', resolve: (match) => match.entity }),
    kind: t.field({
      type: EntityKind,
      description: 'What kind of entity it is.',
      resolve: (match) => match.entity.kind,
    }),
    text: t.exposeString('text', { description: 'The name, alias or description as the corpus holds it.' }),
    form: t.field({
      type: MentionForm,
      description: 'How that name refers to the entity.',
      resolve: (match) => match.form,
    }),
  }),
});

builder.queryFields((t) => ({
  entitiesNamed: t.field({
    type: [NameMatchRef],
    description:
      'The entities a name, alias or description of the corpus names ("Tehran": the city, and Iran by its capital; ' +
      '"kyiv": Ukraine), whatever its case, white space and a leading "the". Names first, then aliases, then ' +
      'descriptions; entities of one form in the order of the data files. Empty when nothing has that name.',
    args: {
      name: t.arg.string({
        required: true,
        description: 'The name, as written or in any case: "the Kremlin".',
        maxLength: 200,
      }),
    },
    resolve: (_root, args, context) => context.corpus.named(args.name),
  }),
}));
