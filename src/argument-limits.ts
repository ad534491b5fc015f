/**
 * Length caps on arguments, declared once per argument and kept in one place:
 *
 * - a Pothos plugin adds the options `maxLength` (characters of a string or ID, or of each item
 *   of a list) and `maxItems` (items of a list) to every argument and input field, writes them
 *   into its description (so the printed SDL documents them) and its `extensions`, and refuses to
 *   build a schema in which a String, ID or list argument or input field declares no cap (a
 *   global ID has MAX_GLOBAL_ID_LENGTH unless it says otherwise);
 * - `argumentLimitError` checks an operation's arguments against those caps, literals and
 *   variables alike, before it executes (src/plugins/input.ts calls it for every request): a
 *   value over its cap is a BAD_USER_INPUT error naming the field, the argument and the limit.
 *
 * Arguments that come from Apollo's subgraph library rather than from Pothos (`_entities`) get
 * their caps from `BUILT_IN_LIMITS`.
 */
import SchemaBuilder, {
  BasePlugin,
  type FieldRequiredness,
  type InputType,
  type PothosInputFieldConfig,
  PothosSchemaError,
  type SchemaTypes,
} from '@pothos/core';
import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLArgument,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ErrorCode, REQUEST_ERROR_HTTP } from './errors.ts';

/** The longest global ID an argument takes: the longest the API hands out is under 100 characters. */
export const MAX_GLOBAL_ID_LENGTH = 256;
/** The longest cursor `after`/`before` take: the API's offset cursors are under 40 characters. */
export const MAX_CURSOR_LENGTH = 64;

/** The most values a list of enum values takes: more than any enum here has. */
export const MAX_ENUM_LIST = 20;

/** The Pothos plugin's name, for the builder's `plugins`. */
export const ArgumentLimitsPlugin = 'argumentLimits';

/** The caps of one argument. */
export interface ArgumentLimits {
  /** Characters of the string, or of each item of a list of strings (UTF-16 code units). */
  maxLength?: number;
  /** Items of a list. */
  maxItems?: number;
  /** The least value of an Int argument; given, the argument may not be null either. */
  min?: number;
}

/**
 * Caps of arguments that the schema gets from outside Pothos, by `Type.field(argument)` or
 * `@directive(argument)`: Apollo's `_entities`, and @defer/@stream (Yoga's defer-stream plugin),
 * whose label is repeated in every part of an incremental answer, and whose executor throws
 * (a 500) on an initialCount that is not a number of at least 0.
 */
const BUILT_IN_LIMITS: Record<string, ArgumentLimits> = {
  // A gateway asks for the entities one subgraph fetch needs, in one list.
  'Query._entities(representations)': { maxItems: 1_000 },
  '@defer(label)': { maxLength: 100 },
  '@stream(label)': { maxLength: 100 },
  '@stream(initialCount)': { min: 0 },
};

const EXTENSION = 'argumentLimits';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      argumentLimits: PothosArgumentLimitsPlugin<Types>;
    }
    export interface InputFieldOptions<
      Types extends SchemaTypes = SchemaTypes,
      Type extends InputType<Types> | [InputType<Types>] = InputType<Types> | [InputType<Types>],
      Req extends FieldRequiredness<Type> = FieldRequiredness<Type>,
    > extends ArgumentLimits {}
  }
}

export class PothosArgumentLimitsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    const { maxItems } = fieldConfig.pothosOptions;
    // A global ID (Relay's `t.arg.globalID`, `t.globalID`) has the cap of every global ID.
    const globalId = (fieldConfig.extensions as { isRelayGlobalID?: boolean } | undefined)?.isRelayGlobalID;
    const maxLength = fieldConfig.pothosOptions.maxLength ?? (globalId ? MAX_GLOBAL_ID_LENGTH : undefined);
    const list = fieldConfig.type.kind === 'List';
    const item = fieldConfig.type.kind === 'List' ? fieldConfig.type.type : fieldConfig.type;
    const text = item.kind === 'Scalar' && ['String', 'ID'].includes(this.buildCache.getTypeConfig(item.ref).name);
    const where =
      fieldConfig.kind === 'Arg'
        ? `${fieldConfig.parentType}.${fieldConfig.parentField}(${fieldConfig.name})`
        : `${fieldConfig.parentType}.${fieldConfig.name}`;
    if ((text && maxLength === undefined) || (list && maxItems === undefined)) {
      throw new PothosSchemaError(
        `${where}: a ${list ? 'list' : 'string'} ${fieldConfig.kind === 'Arg' ? 'argument' : 'input field'} must declare ${list ? 'maxItems' : ''}${list && text ? ' and ' : ''}${text ? 'maxLength' : ''}`,
      );
    }
    if (maxLength === undefined && maxItems === undefined) return fieldConfig;
    const limits: ArgumentLimits = { maxLength, maxItems };
    return {
      ...fieldConfig,
      description: [fieldConfig.description, describe(limits)].filter(Boolean).join(' '),
      extensions: { ...fieldConfig.extensions, [EXTENSION]: limits },
    };
  }
}

SchemaBuilder.registerPlugin(ArgumentLimitsPlugin, PothosArgumentLimitsPlugin);

/** The sentence the SDL gives an argument's caps: "At most 100 items, each at most 256 characters." */
export function describe({ maxLength, maxItems, min }: ArgumentLimits): string {
  if (min !== undefined) return `At least ${min}.`;
  const characters = maxLength !== undefined ? `at most ${maxLength.toLocaleString('en-US')} characters` : '';
  if (maxItems === undefined) return `At most ${maxLength?.toLocaleString('en-US')} characters.`;
  return `At most ${maxItems.toLocaleString('en-US')} items${characters ? `, each ${characters}` : ''}.`;
}

/** The caps of an argument of the built schema, wherever they were declared. */
export function limitsOf(coordinate: string, argument: GraphQLArgument): ArgumentLimits | undefined {
  return (argument.extensions[EXTENSION] as ArgumentLimits | undefined) ?? BUILT_IN_LIMITS[coordinate];
}

/** An argument with caps as it stands in an operation: its value is known once the variables are. */
interface Site {
  /** The field (`Query.search`) or directive (`@stream`) the argument belongs to. */
  owner: string;
  argument: GraphQLArgument;
  /** The argument's own caps; undefined for an input object argument, whose fields have theirs. */
  limits: ArgumentLimits | undefined;
  node: ArgumentNode;
}

// Sites never change for a document and operation name: found once, kept beside the (cached,
// shared) document. Most operations have none, and then the check costs a lookup.
const sitesByDocument = new WeakMap<DocumentNode, Map<string, Site[]>>();

/** The first argument of the operation over its cap, as the error a client gets; undefined when none is. */
export function argumentLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | undefined {
  for (const site of sitesOf(schema, document, operationName ?? '')) {
    const type = site.argument.type;
    const value = valueFromAST(site.node.value, type, variables ?? undefined);
    const error = site.limits
      ? overLimit(site, site.limits, site.argument.name, value, isListType(getNullableType(type)))
      : undefined;
    if (error) return error;
    const inner = inputFieldError(site, type, value, 0);
    if (inner) return inner;
  }
  return undefined;
}

/** The first field of an input object value over its cap, at any depth of the value. */
function inputFieldError(site: Site, type: GraphQLInputType, value: unknown, depth: number): GraphQLError | undefined {
  if (value === null || value === undefined || depth > 8) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const error = inputFieldError(site, nullable.ofType, item, depth + 1);
      if (error) return error;
    }
    return undefined;
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object') return undefined;
  for (const field of Object.values(nullable.getFields())) {
    const fieldValue = (value as Record<string, unknown>)[field.name];
    const limits = field.extensions[EXTENSION] as ArgumentLimits | undefined;
    const name = `${site.argument.name}.${field.name}`;
    const error =
      (limits && overLimit(site, limits, name, fieldValue, isListType(getNullableType(field.type)))) ||
      inputFieldError(site, field.type, fieldValue, depth + 1);
    if (error) return error;
  }
  return undefined;
}

function sitesOf(schema: GraphQLSchema, document: DocumentNode, operationName: string): Site[] {
  let byName = sitesByDocument.get(document);
  if (!byName) {
    byName = new Map();
    sitesByDocument.set(document, byName);
  }
  let sites = byName.get(operationName);
  if (sites) return sites;
  const found: Site[] = [];
  const typeInfo = new TypeInfo(schema);
  let first = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        // The operation that runs: the one named, or the only one. Fragments are all looked at.
        const runs = operationName ? node.name?.value === operationName : first;
        first = false;
        return runs ? undefined : false;
      },
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const directive = typeInfo.getDirective();
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const owner = directive ? `@${directive.name}` : parent && field && `${parent.name}.${field.name}`;
        if (!owner) return;
        const limits = limitsOf(`${owner}(${argument.name})`, argument);
        if (limits || isInputObjectType(getNamedType(argument.type))) found.push({ owner, argument, limits, node });
      },
    }),
  );
  sites = found;
  byName.set(operationName, sites);
  return sites;
}

function overLimit(
  { owner, node }: Site,
  limits: ArgumentLimits,
  name: string,
  value: unknown,
  list: boolean,
): GraphQLError | undefined {
  const { maxLength, maxItems, min } = limits;
  const refuse = (message: string) =>
    new GraphQLError(message, {
      nodes: [node],
      extensions: {
        code: ErrorCode.badUserInput,
        argumentName: name,
        [owner.startsWith('@') ? 'directive' : 'field']: owner,
        ...limits,
        http: REQUEST_ERROR_HTTP,
      },
    });
  if (value === undefined) return undefined; // left out, or a variable that is not given
  if (min !== undefined && !(typeof value === 'number' && value >= min)) {
    return refuse(`Argument "${name}" of ${owner} must be a number of at least ${min}, got ${value}.`);
  }
  // A single value given for a list is a list of one (GraphQL's input coercion).
  const items = list ? (Array.isArray(value) ? value : [value]) : [value];
  if (maxItems !== undefined && items.length > maxItems) {
    return refuse(`Argument "${name}" of ${owner} has ${items.length} items; the limit is ${maxItems}.`);
  }
  if (maxLength === undefined) return undefined;
  for (const [index, item] of items.entries()) {
    if (typeof item === 'string' && item.length > maxLength) {
      const what = list ? `Item ${index} of argument "${name}"` : `Argument "${name}"`;
      return refuse(`${what} of ${owner} is ${item.length} characters long; the limit is ${maxLength}.`);
    }
  }
  return undefined;
}
