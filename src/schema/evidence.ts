import { passageFields } from './passage.ts';
import { EvidenceRef, TitleRef } from './refs.ts';

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
  }),
});
