import { MAX_GLOBAL_ID_LENGTH } from '../argument-limits.ts';
import { builder } from '../builder.ts';
import { matching, page, pageOfRelated } from '../pagination.ts';
import { nodeOptions } from './node.ts';
import {
  ActorRole,
  Agreement,
  Claim,
  Event,
  EventConnection,
  EventDateRef,
  EventRole,
  EvidenceRef,
  LocationRole,
  Quote,
  QuoteConnection,
  SubjectRole,
} from './refs.ts';

const EventKind = builder.enumType('EventKind', {
  description: 'What kind of event.',
  values: {
    SIGNING: { description: 'The signing of an agreement.' },
    CONCLUSION: { description: 'The conclusion of an agreement, where no signing is described.' },
    MEETING: { description: 'A meeting between people.' },
    PRESS_CONFERENCE: { description: 'A press conference.' },
    VISIT: { description: 'A visit to a country or place.' },
    ARRIVAL: { description: 'An arrival somewhere.' },
    CEREMONY: { description: 'A ceremony, such as laying a wreath.' },
    SUMMIT: { description: 'A summit of a group.' },
    FLIGHT: { description: 'Someone fleeing a country.' },
    TERM_OF_OFFICE: { description: 'A term in office.' },
    RETURN_TO_POWER: { description: 'A return to power.' },
    PUBLICATION: { description: 'The publication of a text.' },
    STATEMENT: { description: 'Remarks made or reported.' },
    MILITARY_OPERATION: { description: 'The start or course of a military operation.' },
    DISCUSSION: { description: 'A discussion; `about` says of what.' },
  } as const,
});

const DatePrecision = builder.enumType('DatePrecision', {
  description: 'How precisely the article dates an event.',
  values: {
    DAY: { description: '`start` is a day, YYYY-MM-DD.' },
    MONTH: { description: '`start` is a month, YYYY-MM.' },
    YEAR: { description: '`start` is a year, YYYY.' },
    RANGE: { description: 'Between `start` and `end` (each YYYY, YYYY-MM or YYYY-MM-DD); `end` may be open.' },
  } as const,
});

EventDateRef.implement({
  description: "An event's date, resolved against the article's publication date, with the phrase it came from.",
  fields: (t) => ({
    precision: t.expose('precision', { type: DatePrecision, description: 'How precise the date is.' }),
    start: t.exposeString('start', { description: 'The date, or the start of the range, cut to its precision.' }),
    end: t.exposeString('end', { nullable: true, description: 'The end of a RANGE; null when open or not a range.' }),
    earliest: t.string({
      description: 'The first day the date can mean, YYYY-MM-DD: for sorting and comparing.',
      resolve: (date) => firstDay(date.start),
    }),
    latest: t.string({
      nullable: true,
      description: 'The last day the date can mean, YYYY-MM-DD; null for an open range.',
      resolve: (date) => (date.precision === 'RANGE' ? (date.end ? lastDay(date.end) : null) : lastDay(date.start)),
    }),
    phrase: t.expose('phrase', { type: EvidenceRef, description: 'The words the date was resolved from.' }),
    resolution: t.exposeString('resolution', { description: 'How the phrase was resolved to this date.' }),
  }),
});

builder.node(Event, {
  ...nodeOptions('Event'),
  description: 'A dated event the article reports: a signing, a meeting, a visit, a summit, a term of office…',
  interfaces: () => [Claim],
  fields: (t) => ({
    kind: t.field({ type: EventKind, description: 'What kind of event.', resolve: (event) => event.eventKind }),
    name: t.exposeString('name', { description: "A short name, in the article's words where it has one." }),
    date: t.expose('date', { type: EventDateRef, description: 'When.' }),
    place: t.expose('place', { type: LocationRole, nullable: true, description: 'Where, when stated.' }),
    participants: t.expose('participants', { type: [ActorRole], description: 'Who took part.' }),
    about: t.expose('about', {
      type: [SubjectRole],
      description: 'What it was about, where the text says: an agreement, a claim, an entity.',
    }),
    partOf: t.expose('partOf', {
      type: EventRole,
      nullable: true,
      description: 'The event it was part of, where the text says ("during the BRICS summit").',
    }),
    parts: t.field({
      type: [Event],
      description: 'The events the text places within this one.',
      resolve: (event, _args, context) => context.loaders.related('eventsByParent').load(event.id),
    }),
    agreements: t.field({
      type: [Agreement],
      description: 'Agreements signed or concluded at this event.',
      resolve: (event, _args, context) => context.loaders.related('agreementsByEvent').load(event.id),
    }),
    quotes: t.connection(
      {
        type: Quote,
        description: 'Words said or written at this event.',
        resolve: pageOfRelated('quotesByEvent'),
      },
      QuoteConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  events: t.connection(
    {
      type: Event,
      description: 'Dated events, optionally filtered; filters combine with AND.',
      args: {
        participant: t.arg.globalID({
          description: 'Only events this actor took part in.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
        location: t.arg.globalID({
          description: 'Only events at this place or in this country as a whole.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
        kind: t.arg({ type: EventKind, description: 'Only events of this kind.' }),
        about: t.arg.globalID({ description: 'Only events about this record.', maxLength: MAX_GLOBAL_ID_LENGTH }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        return page(
          args,
          matching(corpus.all('Event'), [
            args.participant ? corpus.related('eventsByParticipant', args.participant.id) : null,
            args.location ? corpus.related('eventsByPlace', args.location.id) : null,
            args.kind ? corpus.related('eventsByKind', args.kind) : null,
            args.about ? corpus.related('eventsByTopic', args.about.id) : null,
          ]),
        );
      },
    },
    EventConnection,
  ),
}));

function firstDay(partial: string): string {
  const [year, month = '01', day = '01'] = partial.split('-');
  return `${year}-${month}-${day}`;
}

function lastDay(partial: string): string {
  const [year = '', month, day] = partial.split('-');
  if (day) return partial;
  if (!month) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}
