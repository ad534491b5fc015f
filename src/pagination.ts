/**
 * Cursor pagination over lists already in memory (every list here is an index entry), with
 * bounds checked up front so a client gets a clear BAD_USER_INPUT error, not a silent cap.
 * Offsets are the Relay plugin's (`offsetForArgs`), cursors its offset cursors; a cursor is
 * encoded only when a client selects it, since most selections take `nodes` and no cursor.
 */
import { cursorToOffset, offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import type { Context } from './context.ts';
import type { Relation } from './data/relations.ts';
import { badUserInput } from './errors.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export function page<T>(args: PageArgs, items: readonly T[]) {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, {
        argumentName: name,
      });
    }
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor != null && !isCursor(cursor)) {
      throw badUserInput(`Argument "${name}" is not a cursor from this API.`, { argumentName: name });
    }
  }
  const { offset, expectedSize, hasPreviousPage } = offsetForArgs({
    args,
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
    totalCount: items.length,
  });
  const edges = items.slice(offset, offset + expectedSize).map((node, index) => new Edge(node, offset + index));
  const hasNextPage = offset + expectedSize < items.length;
  return {
    edges,
    totalCount: items.length,
    pageInfo: new PageInfo(offset, edges.length, hasPreviousPage, hasNextPage),
  };
}

class Edge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
  ) {}

  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

class PageInfo {
  constructor(
    private readonly offset: number,
    private readonly size: number,
    readonly hasPreviousPage: boolean,
    readonly hasNextPage: boolean,
  ) {}

  /** Null for an empty page: there is no edge to point at (and offset -1 is no cursor of this API). */
  get startCursor(): string | null {
    return this.size === 0 ? null : offsetToCursor(this.offset);
  }

  get endCursor(): string | null {
    return this.size === 0 ? null : offsetToCursor(this.offset + this.size - 1);
  }
}

/**
 * Whether a cursor is one this API hands out: an offset cursor that encodes back to itself (base64
 * decoding is lenient, and `OffsetConnection:x` decodes to NaN).
 */
function isCursor(cursor: string): boolean {
  try {
    const offset = cursorToOffset(cursor);
    return Number.isInteger(offset) && offset >= 0 && offsetToCursor(offset) === cursor;
  } catch {
    return false;
  }
}

/**
 * A connection resolver for the records related to the parent through one index, loaded with the
 * per-request DataLoader of that relation (one batch for all parents at one level).
 */
export function pageOfRelated<R extends Relation>(relation: R) {
  return async (parent: { id: string }, args: PageArgs, context: Context) =>
    page(args, await context.loaders.related(relation).load(parent.id));
}

/**
 * The records that pass every given filter, each filter being an index entry (null when the
 * client did not ask for that filter); all records when no filter is given. Keeps the order of
 * the first list.
 */
export function matching<T>(all: readonly T[], filters: (readonly T[] | null)[]): readonly T[] {
  const [first, ...rest] = filters.filter((list) => list !== null);
  if (!first) return all;
  // One filter is one index entry, used as it is: no copy, so a page costs O(page), not O(hits).
  if (rest.length === 0) return first;
  const others = rest.map((list) => new Set(list));
  return first.filter((item) => others.every((set) => set.has(item)));
}
