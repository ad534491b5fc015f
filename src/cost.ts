/**
 * The cost model @pothos/plugin-complexity applies to every field: 1 per field, and a selection
 * under a field costs once per item that field may return. A connection returns as many items as
 * `first`/`last` ask for (the default page size when neither is given), so its `edges` and
 * `nodes` do not multiply again; any other list counts as LIST_MULTIPLIER items.
 * src/plugins/limits.ts enforces the budget per request.
 */
import type { FieldComplexityFunction, FieldComplexityValue } from '@pothos/plugin-complexity';
import { isListType, isNonNullType } from 'graphql';
import type { Context } from './context.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';

export const LIST_MULTIPLIER = 10;

/** For the `edges` and `nodes` fields of connections: the connection field has multiplied already. */
export const CONNECTION_LIST_COST: FieldComplexityValue = { field: 1, multiplier: 1 };

export const fieldCost: FieldComplexityFunction<Context, Record<string, unknown>> = (args, _context, field) => {
  if (field.args.some((arg) => arg.name === 'first') && field.args.some((arg) => arg.name === 'last')) {
    const requested = pageSize(args.first) ?? pageSize(args.last) ?? DEFAULT_PAGE_SIZE;
    return { field: 1, multiplier: requested };
  }
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return isListType(type) ? { field: 1, multiplier: LIST_MULTIPLIER } : 1;
};

/**
 * A page size as the cost sees it: out-of-range values are clamped, because pagination rejects
 * them with its own, clearer error when the field resolves.
 */
function pageSize(value: unknown): number | undefined {
  if (typeof value !== 'number') return undefined;
  return Math.min(Math.max(value, 0), MAX_PAGE_SIZE);
}
