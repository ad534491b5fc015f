/**
 * A client's input checked before it reaches anything that could choke on it, each mistake
 * answered as a GraphQL error with a code (never a 500) and not logged as a server error:
 *
 * - a GET whose `variables` or `extensions` are not JSON (Yoga's parser let JSON.parse's error
 *   through, a 500);
 * - variables and extensions nested deeper than MAX_VARIABLE_DEPTH (the schema's deepest input
 *   is a list of IDs; the response cache's key builder recurses into them);
 * - arguments over their declared caps (src/argument-limits.ts), literals and variables alike;
 * - variables that do not coerce to their declared types: graphql-js reports them without a code.
 *
 * Each is a request error: HTTP 400 for a client that accepts application/graphql-response+json
 * (200 for one that accepts only application/json, as the GraphQL-over-HTTP spec asks).
 */
import { type GraphQLError, getOperationAST, getVariableValues } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { argumentLimitError } from '../argument-limits.ts';
import { ErrorCode, REQUEST_ERROR_HTTP, rebuilt } from '../errors.ts';

/** How deep variables (and extensions) may nest: objects and lists inside each other. */
export const MAX_VARIABLE_DEPTH = 16;

export function inputPlugins(): Plugin[] {
  return [urlJson, variableDepth, argumentLimits, variableCoercion];
}

const urlJson: Plugin = {
  onRequestParse({ request, requestParser, setRequestParser }) {
    if (request.method !== 'GET' || !requestParser) return;
    setRequestParser(async (incoming) => {
      try {
        return await requestParser(incoming);
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw createGraphQLError('The variables or extensions of the URL are not valid JSON.', {
          extensions: { code: 'BAD_REQUEST', http: REQUEST_ERROR_HTTP },
        });
      }
    });
  },
};

const variableDepth: Plugin = {
  onParams({ params }) {
    for (const [name, value] of [
      ['variables', params.variables],
      ['extensions', params.extensions],
    ] as const) {
      if (depthOver(value, MAX_VARIABLE_DEPTH)) {
        throw createGraphQLError(`The request's ${name} nest deeper than ${MAX_VARIABLE_DEPTH} levels.`, {
          extensions: { code: ErrorCode.badUserInput, maxDepth: MAX_VARIABLE_DEPTH, http: REQUEST_ERROR_HTTP },
        });
      }
    }
  },
};

/** Whether a JSON value nests objects and lists deeper than `max`: walked with a stack, not recursion. */
export function depthOver(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next;
    if (depth > max) return true;
    for (const child of Object.values(current as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

const argumentLimits: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const error = argumentLimitError(args.schema, args.document, args.operationName, args.variableValues);
    if (error) setResultAndStopExecution({ errors: [error] });
  },
};

/**
 * Variables coerced once before execution, so that a mistake comes with BAD_USER_INPUT; execution
 * coerces them again, and they pass. Every plugin after this one (the JIT, the response cache)
 * meets only variables that fit the operation.
 */
const variableCoercion: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const definitions = getOperationAST(args.document, args.operationName)?.variableDefinitions;
    if (!definitions?.length) return;
    const coerced = getVariableValues(args.schema, definitions, args.variableValues ?? {}, { maxErrors: 10 });
    if ('errors' in coerced && coerced.errors) {
      setResultAndStopExecution({ errors: coerced.errors.map(withCode) });
    }
  },
};

function withCode(error: GraphQLError): GraphQLError {
  return rebuilt(error, error.message, { ...error.extensions, code: ErrorCode.badUserInput, http: REQUEST_ERROR_HTTP });
}
