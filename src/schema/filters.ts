/**
 * The arguments that filter lists: IDs of the records to filter by, checked to name a record of
 * the kind the filter takes; date ranges over events and agreements; spans of an article's text.
 * A filter given something it cannot use answers BAD_USER_INPUT saying what it takes, never an
 * empty list.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Corpus } from '../data/corpus.ts';
import type { EventDate, Kind } from '../data/records.ts';
import { badUserInput, WHERE_IDS_COME_FROM } from '../errors.ts';
import { daysOf, firstDay, lastDay } from './order.ts';

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
    from: t.string({ description: 'The first day of the range (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    to: t.string({ description: 'The last day of the range (YYYY, YYYY-MM or YYYY-MM-DD).' }),
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
