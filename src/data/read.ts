/**
 * Reading the files of data/: a file's bytes, a JSON file parsed with its zod schema (files.ts),
 * and the faults of a whole file (missing, malformed, invalid), each a DataError that names the
 * file and, where the schema points at one, the record and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { z } from 'zod';
import { DataError } from '../errors.ts';

/** A path as messages show it: relative to the working directory when it lies inside it. */
export function showPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}

/** How messages name a record: its id and its position in the file, where known. */
export function recordLabel(id: string | undefined, index: number | undefined): string | undefined {
  if (id === undefined && index === undefined) return undefined;
  if (index === undefined) return JSON.stringify(id);
  return id === undefined ? `#${index}` : `${JSON.stringify(id)} (#${index})`;
}

/** A file's bytes; undefined for a missing file that is `optional`, a DataError for any other. */
export function readBytes(file: string, optional = false): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (optional) return undefined;
    throw new DataError(showPath(file), undefined, undefined, 'file is missing');
  }
}

/** Reads one JSON file and parses it with its schema; a missing optional file is `fallback`. */
export function readJson<S extends z.ZodType>(file: string, schema: S, fallback?: z.infer<S>): z.infer<S> {
  const source = readBytes(file, fallback !== undefined)?.toString('utf8');
  if (source === undefined) return fallback as z.infer<S>;
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new DataError(showPath(file), undefined, undefined, `malformed JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalid(file, raw, parsed.error.issues);
}

/** The sub-folders of a folder, sorted by name. */
export function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** The DataError for a file that does not match its schema: its first problem, and how many more. */
function invalid(file: string, raw: unknown, issues: readonly z.core.$ZodIssue[]): DataError {
  const [issue, ...more] = issues;
  if (!issue) return new DataError(showPath(file), undefined, undefined, 'invalid');
  let path = issue.path.map((part) => (typeof part === 'symbol' ? part.toString() : part));
  if (issue.code === 'unrecognized_keys') path = [...path, ...issue.keys];
  let record: string | undefined;
  if (Array.isArray(raw) && typeof path[0] === 'number') {
    const index = path[0];
    const id = (raw[index] as { id?: unknown } | undefined)?.id;
    record = recordLabel(typeof id === 'string' ? id : undefined, index);
    path = path.slice(1);
  } else if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') {
    record = JSON.stringify((raw as { id: string }).id);
  }
  const problem = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
  const others = more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''} in this file)` : '';
  return new DataError(showPath(file), record, fieldPath(path) || undefined, `${problem}${others}`);
}

function fieldPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}
