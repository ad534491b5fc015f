import type { builder } from '../builder.ts';
import type { Evidence } from '../data/evidence.ts';
import { Article, EvidenceRef, SentenceRef, SubjectRole, TitleRef } from './refs.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The fields of a passage of an article, shared by `Evidence` and `Mention` (a mention is a
 * passage too): its words, their offsets, their sentence and their article.
 */
export function passageFields<T extends Evidence>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>) {
  return {
    article: t.field({
      type: Article,
      description: 'The article whose text holds these words.',
      resolve: (passage, _args, context) => context.loaders.ref(passage.article, ['Article']),
    }),
    exact: t.string({ description: 'The words, verbatim.', resolve: (passage) => passage.exact }),
    start: t.int({
      description: 'Offset of the first character of `exact` in the article text.',
      resolve: (passage) => passage.start,
    }),
    end: t.int({ description: 'Offset just past the last character of `exact`.', resolve: (passage) => passage.end }),
    sentence: t.field({
      type: SentenceRef,
      description: 'The sentence (or heading) holding the words.',
      resolve: (passage) => passage.sentence,
    }),
  };
}

EvidenceRef.implement({
  description:
    'The exact words of an article that state a fact, placed in the text. Offsets count UTF-16 code units ' +
    '(as JavaScript `String.slice` does) into `Article.text`: `text.slice(start, end) === exact`.',
  fields: (t) => ({
    ...passageFields(t),
    prefix: t.exposeString('prefix', {
      nullable: true,
      description: 'Text just before `exact`, given in the data only where `exact` occurs more than once.',
    }),
    suffix: t.exposeString('suffix', {
      nullable: true,
      description: 'Text just after `exact`, given in the data only where `exact` occurs more than once.',
    }),
  }),
});

TitleRef.implement({
  description: 'A role, title or description that an article gives an entity ("Russian President").',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The title as the article words it.' }),
    evidence: t.expose('evidence', { type: [EvidenceRef], description: 'Where the article gives it.' }),
    relatedTo: t.expose('relatedTo', {
      type: [SubjectRole],
      description:
        'The records the title relates its entity to, with the words naming them: Russia and Iran for "their ' +
        'ally", Vladimir Putin for "his Iranian counterpart"; empty for a title that names no other.',
    }),
  }),
});
