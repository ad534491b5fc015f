/**
 * The arguments that order and filter lists, and what they do.
 *
 * Orders (`orderBy`), shared by the lists of entities and of claims, and the sorting behind them.
 * Every list has a default order, which its description states: entities in the order of the data
 * files, claims in article order. A list of the whole corpus is sorted once per order and kept; a
 * filtered list is sorted when asked for.
 *
 * Filters: IDs of the records to filter by, checked to name a record of the kind the filter takes;
 * date ranges over events and agreements; spans of an article's text. A filter given something it
 * cannot use answers BAD_USER_INPUT saying what it takes, never an empty list.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Corpus } from '../data/corpus.ts';
import type { ClaimRecord, EntityRecord, EventDate, Kind } from '../data/records.ts';
import { badUserInput, WHERE_IDS_COME_FROM } from '../errors.ts';
import { type PageArgs, page } from '../pagination.ts';

const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Ascending or descending.',
  values: {
    ASC: { description: 'Smallest first: A to Z, fewest first, earliest first.' },
    DESC: { description: 'Largest first: Z to A, most first, latest first.' },
  } as const,
});

const EntityOrderField = builder.enumType('EntityOrderField', {
  description: 'What a list of entities can be ordered by.',
  values: {
    NAME: { description: 'The name (`Entity.name`), A to Z in English collation.' },
    MENTION_COUNT: {
      description:
        'How often the articles mention it (`Entity.mentionCount`; in `Article.entities`, how often that article does).',
    },
  } as const,
});

export const EntityOrder = builder.inputType('EntityOrder', {
  description:
    'An order for a list of entities. Ties keep name order (A to Z), then the order of the data files, ' +
    'whatever the direction.',
  fields: (t) => ({
    field: t.field({ type: EntityOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Which way; ASC when not given.' }),
  }),
});

const ClaimOrderField = builder.enumType('ClaimOrderField', {
  description: 'What a list of claims can be ordered by.',
  values: {
    POSITION: {
      description:
        'Article order: article by article (in id order), and within an article by where the claim first stands ' +
        '(the smallest `start` of its `evidence`, and of its `words` for a quote).',
    },
  } as const,
});

export const ClaimOrder = builder.inputType('ClaimOrder', {
  description: 'An order for a list of claims.',
  fields: (t) => ({
    field: t.field({ type: ClaimOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Which way; ASC when not given.' }),
  }),
});

const DatedClaimOrderField = builder.enumType('DatedClaimOrderField', {
  description: 'What a list of dated claims (events, agreements) can be ordered by.',
  values: {
    POSITION: { description: 'Article order, as `ClaimOrderField.POSITION`.' },
    DATE: {
      description:
        'By date: the first day the date can mean (`EventDate.earliest`), then the last (`EventDate.latest`, an ' +
        'open range last), then article order. An agreement without a date comes last.',
    },
  } as const,
});

export const DatedClaimOrder = builder.inputType('DatedClaimOrder', {
  description: 'An order for a list of events or agreements.',
  fields: (t) => ({
    field: t.field({ type: DatedClaimOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Which way; ASC when not given.' }),
  }),
});

type Direction = 'ASC' | 'DESC' | null | undefined;

/** Sorted copies of the corpus's own lists, by list and order: each is sorted once. */
const kept = new WeakMap<readonly unknown[], Map<string, readonly unknown[]>>();

/**
 * `list` sorted by `compare` (a stable sort: ties keep their order in `list`). With `keep`, the
 * copy is kept under `key`, which must name everything `compare` depends on, direction included.
 */
function sorted<T>(list: readonly T[], key: string, keep: boolean, compare: (a: T, b: T) => number): readonly T[] {
  const cached = keep ? kept.get(list)?.get(key) : undefined;
  if (cached) return cached as readonly T[];
  const result = [...list].sort(compare);
  if (keep) {
    let byOrder = kept.get(list);
    if (!byOrder) {
      byOrder = new Map();
      kept.set(list, byOrder);
    }
    byOrder.set(key, result);
  }
  return result;
}

const collator = new Intl.Collator('en');

/**
 * Entities in the order asked for; `list` as it is when none is. `count` gives the mention count
 * to order by; `keep` is true for a list of the corpus's own, sorted once and kept.
 */
export function orderEntities<T extends EntityRecord>(
  list: readonly T[],
  order: { field: 'NAME' | 'MENTION_COUNT'; direction?: Direction } | null | undefined,
  count: (entity: T) => number,
  keep: boolean,
): readonly T[] {
  if (!order) return list;
  const direction = order.direction ?? 'ASC';
  const sign = direction === 'DESC' ? -1 : 1;
  const byName = (a: T, b: T) => collator.compare(a.name, b.name);
  if (order.field === 'NAME') return sorted(list, `name:${direction}`, keep, (a, b) => byName(a, b) * sign);
  // The direction applies to the count only: ties stay A to Z.
  return sorted(list, `count:${direction}`, keep, (a, b) => (count(a) - count(b)) * sign || byName(a, b));
}

/** The mention count of an entity across the corpus. */
export const mentionCount = (corpus: Corpus) => (entity: EntityRecord) => corpus.mentions(entity.id).length;

/**
 * Claims in the order asked for; `list`, which is in article order, as it is when none is.
 * `dateOf` gives the date of a claim for DATE (null when it has none).
 */
export function orderClaims<T extends ClaimRecord>(
  list: readonly T[],
  order: { field: 'POSITION' | 'DATE'; direction?: Direction } | null | undefined,
  keep: boolean,
  dateOf: (claim: T) => EventDate | null = () => null,
): readonly T[] {
  if (!order || (order.field === 'POSITION' && order.direction !== 'DESC')) return list;
  // Article order backwards: each list is in article order already.
  if (order.field === 'POSITION') return [...list].reverse();
  const direction = order.direction ?? 'ASC';
  const sign = direction === 'DESC' ? -1 : 1;
  const days = new Map<T, ReturnType<typeof daysOf> | null>();
  const daysOfClaim = (claim: T) => {
    if (!days.has(claim)) {
      const date = dateOf(claim);
      days.set(claim, date && daysOf(date));
    }
    return days.get(claim) ?? null;
  };
  // The direction applies to dated claims; undated ones come last either way, in article order.
  return sorted(list, `date:${direction}`, keep, (a, b) => {
    const [x, y] = [daysOfClaim(a), daysOfClaim(b)];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return sign * (compareDays(x.first, y.first) || compareDays(x.last ?? OPEN, y.last ?? OPEN));
  });
}

/** Sorts after every day: the last day of an open range. */
const OPEN = '~';

function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first and last days (YYYY-MM-DD) a date can mean; `last` is null for an open range. */
export function daysOf(date: EventDate): { first: string; last: string | null } {
  const last = date.precision === 'RANGE' ? (date.end ? lastDay(date.end) : null) : lastDay(date.start);
  return { first: firstDay(date.start), last };
}

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

/** The resolver of a root list of one kind of entity, with `orderBy`. */
export function entitiesOfKind<K extends EntityRecord['kind']>(kind: K) {
  return (
    _root: unknown,
    args: PageArgs & { orderBy?: { field: 'NAME' | 'MENTION_COUNT'; direction?: Direction } | null },
    context: Context,
  ) => page(args, orderEntities(context.corpus.all(kind), args.orderBy, mentionCount(context.corpus), true));
}

/** The resolver of a root field that fetches one entity of a kind by its slug. */
export function entityBySlug<K extends EntityRecord['kind']>(kind: K) {
  return (_root: unknown, args: { slug: string }, context: Context) => context.loaders.one(args.slug, [kind]);
}

/** The description of a `slug:` argument. */
/** The longest slug an argument takes: slugs are ids, a few words joined by hyphens. */
export const MAX_SLUG_LENGTH = 128;

export const SLUG = 'The slug (`Entity.slug`): the id of its record in data/entities/, such as "north-korea".';

/** The description of an `orderBy:` argument of a list of entities. */
export const ENTITY_ORDER = 'The order; the order of the data files when not given.';
export const CLAIM_ORDER = 'The order; article order when not given.';

/** How a filter's description says what ID it takes. */
export function takesIdOf(kinds: readonly Kind[], what: string): string {
  return `${what} The global ID of ${list(kinds)}: ${WHERE_IDS_COME_FROM}`;
}

function list(kinds: readonly Kind[]): string {
  const names = kinds.map((kind) => `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`);
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The local id a filter argument names, checked: a record of one of `kinds`. Null when the
 * argument is not given.
 */
export function filterId(
  corpus: Corpus,
  argumentName: string,
  value: { typename: string; id: string } | null | undefined,
  kinds: readonly Kind[],
): string | null {
  if (value == null) return null;
  const shown = encodeGlobalID(value.typename, value.id);
  const extensions = { argumentName, expected: kinds };
  if (!(kinds as readonly string[]).includes(value.typename)) {
    throw badUserInput(
      `Argument "${argumentName}" takes the ID of ${list(kinds)}; "${shown}" is the ID of ${list([value.typename as Kind])}.`,
      extensions,
    );
  }
  const record = corpus.get(value.id);
  if (!record || record.kind !== value.typename) {
    throw badUserInput(
      `Argument "${argumentName}": no ${value.typename} has the ID "${shown}". ${WHERE_IDS_COME_FROM}`,
      extensions,
    );
  }
  return record.id;
}

const DateMatch = builder.enumType('DateMatch', {
  description: 'How a date range selects dated records.',
  values: {
    OVERLAPS: {
      description:
        'The days the date can mean overlap the range: an event of "October 2024" matches any range that holds a ' +
        'day of that month, and one of "2024" matches October 2024 too.',
    },
    WITHIN: {
      description:
        'Every day the date can mean lies in the range: "October 2024" is within 2024-10 and within 2024, and ' +
        '"2024" is not within 2024-10. An open range is within no range that has an end.',
    },
  } as const,
});

export const DateRange = builder.inputType('DateRange', {
  description:
    'A range of days, both ends included: `from` is its first day and `to` its last, each a YYYY, YYYY-MM or ' +
    'YYYY-MM-DD date (from "2024-10" means from 2024-10-01; to "2024-10" means to 2024-10-31). Either may be left ' +
    'out for a range open at that end. A date of the data is the days it can mean (`EventDate.earliest` to ' +
    '`EventDate.latest`).',
  fields: (t) => ({
    from: t.string({ description: 'The first day of the range (YYYY, YYYY-MM or YYYY-MM-DD).', maxLength: 10 }),
    to: t.string({ description: 'The last day of the range (YYYY, YYYY-MM or YYYY-MM-DD).', maxLength: 10 }),
    match: t.field({
      type: DateMatch,
      defaultValue: 'OVERLAPS',
      description: 'Whether a date must overlap the range (OVERLAPS, when not given) or lie within it.',
    }),
  }),
});

export interface DateRangeArgs {
  from?: string | null;
  to?: string | null;
  match?: 'OVERLAPS' | 'WITHIN' | null;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A test for dates in the range, once the range is checked; `argumentName` names it in errors. */
export function dateTest(range: DateRangeArgs, argumentName: string): (date: EventDate | null) => boolean {
  const from = range.from == null ? null : firstDay(checkedDate(range.from, `${argumentName}.from`));
  const to = range.to == null ? null : lastDay(checkedDate(range.to, `${argumentName}.to`));
  if (from && to && to < from) {
    throw badUserInput(`Argument "${argumentName}" ends (${range.to}) before it starts (${range.from}).`, {
      argumentName,
    });
  }
  return (date) => {
    if (!date) return false;
    const { first, last } = daysOf(date);
    if (range.match === 'WITHIN')
      return (from === null || from <= first) && (to === null || (last !== null && last <= to));
    return (to === null || first <= to) && (from === null || last === null || from <= last);
  };
}

function checkedDate(value: string, argumentName: string): string {
  const [year, month = '01', day = '01'] = value.split('-');
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (
    !PARTIAL_DATE.test(value) ||
    Number.isNaN(date.getTime()) ||
    !date.toISOString().startsWith(`${year}-${month}-${day}`)
  ) {
    throw badUserInput(`Argument "${argumentName}" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}".`, {
      argumentName,
    });
  }
  return value;
}

export const TextSpan = builder.inputType('TextSpan', {
  description:
    'A span of an article text, in the offsets of `Evidence` (UTF-16 code units, `end` excluded): characters ' +
    '2500 to 2700 are { start: 2500, end: 2700 }.',
  fields: (t) => ({
    start: t.int({ required: true, description: 'Offset of its first character.' }),
    end: t.int({ required: true, description: 'Offset just past its last character; greater than `start`.' }),
  }),
});

/** A checked span: 0 <= start < end. */
export function checkedSpan(
  span: { start: number; end: number },
  argumentName: string,
): { start: number; end: number } {
  if (span.start < 0 || span.end <= span.start) {
    throw badUserInput(
      `Argument "${argumentName}" must have 0 <= start < end, got start ${span.start} and end ${span.end}.`,
      { argumentName },
    );
  }
  return span;
}
