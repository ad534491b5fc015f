import { Article, EvidenceRef, SentenceRef, SubjectRole, TitleRef } from './refs.ts';

EvidenceRef.implement({
  description:
    'The exact words of an article that state a fact, placed in the text. Offsets count UTF-16 code units ' +
    '(as JavaScript `String.slice` does) into `Article.text`: `text.slice(start, end) === exact`.',
  fields: (t) => ({
    article: t.field({
      type: Article,
      description: 'The article whose text holds these words.',
      resolve: (evidence, _args, context) => context.loaders.ref(evidence.article, ['Article']),
    }),
    exact: t.exposeString('exact', { description: 'The words, verbatim.' }),
    prefix: t.exposeString('prefix', {
      nullable: true,
      description: 'Text just before `exact`, given in the data only where `exact` occurs more than once.',
    }),
    suffix: t.exposeString('suffix', {
      nullable: true,
      description: 'Text just after `exact`, given in the data only where `exact` occurs more than once.',
    }),
    start: t.exposeInt('start', { description: 'Offset of the first character of `exact` in the article text.' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character of `exact`.' }),
    sentence: t.expose('sentence', { type: SentenceRef, description: 'The sentence (or heading) holding the words.' }),
  }),
});

SentenceRef.implement({
  description: 'A sentence or heading of an article, as Unicode sentence segmentation finds it.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the sentence in the article, from 0.' }),
    start: t.exposeInt('start', { description: 'Offset of its first character in the article text.' }),
    end: t.exposeInt('end', { description: 'Offset just past its last character.' }),
    text: t.exposeString('text', { description: 'The sentence, verbatim, without surrounding white space.' }),
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
