import { builder } from '../builder.ts';
import { ACTOR_KINDS, LOCATION_KINDS, NODE_KINDS } from '../data/records.ts';
import { matching, page, pageOfRelated } from '../pagination.ts';
import {
  CLAIM_ORDER,
  DatedClaimOrder,
  DateRange,
  dateTest,
  daysOf,
  filterId,
  orderClaims,
  takesIdOf,
} from './arguments.ts';
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
      resolve: (date) => daysOf(date).first,
    }),
    latest: t.string({
      nullable: true,
      description: 'The last day the date can mean, YYYY-MM-DD; null for an open range.',
      resolve: (date) => daysOf(date).last,
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
      description:
        'Dated events, in article order unless `orderBy` says otherwise, optionally filtered; filters combine with AND.',
      args: {
        participant: t.arg.globalID({ description: takesIdOf(ACTOR_KINDS, 'Only events this actor took part in.') }),
        location: t.arg.globalID({
          description: takesIdOf(LOCATION_KINDS, 'Only events at this place or in this country as a whole.'),
        }),
        kind: t.arg({ type: EventKind, description: 'Only events of this kind.' }),
        date: t.arg({
          type: DateRange,
          description: 'Only events dated in this range (see `DateRange` and `DateMatch`).',
        }),
        orderBy: t.arg({ type: DatedClaimOrder, description: CLAIM_ORDER }),
        about: t.arg.globalID({ description: takesIdOf(NODE_KINDS, 'Only events about this record.') }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const participant = filterId(corpus, 'participant', args.participant, ACTOR_KINDS);
        const location = filterId(corpus, 'location', args.location, LOCATION_KINDS);
        const about = filterId(corpus, 'about', args.about, NODE_KINDS);
        const filters = [
          participant ? corpus.related('eventsByParticipant', participant) : null,
          location ? corpus.related('eventsByPlace', location) : null,
          args.kind ? corpus.related('eventsByKind', args.kind) : null,
          about ? corpus.related('eventsByTopic', about) : null,
        ];
        let events = matching(corpus.all('Event'), filters);
        if (args.date) {
          const inRange = dateTest(args.date, 'date');
          events = events.filter((event) => inRange(event.date));
        }
        const keep = !args.date && filters.every((f) => f === null);
        return page(
          args,
          orderClaims(events, args.orderBy, keep, (event) => event.date),
        );
      },
    },
    EventConnection,
  ),
}));
