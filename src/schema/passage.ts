/**
 * The fields of a passage of an article, shared by `Evidence` and `Mention` (a mention is a
 * passage too): its words, their offsets, their sentence and their article.
 */
import type { builder } from '../builder.ts';
import type { Evidence } from '../data/evidence.ts';
import { Article, SentenceRef } from './refs.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

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
