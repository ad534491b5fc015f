/**
 * Reading the files of data/: a file's bytes, an article's text (UTF-8, no BOM, LF line endings),
 * a JSON file parsed with its zod schema (files.ts), the entries of a folder, and the faults of a
 * whole file or folder (missing, a folder where a file should be, a symbolic link loop,
 * malformed, invalid), each a DataError that names the path and, where the schema points at one,
 * the record and the field.
 */
import { isUtf8 } from 'node:buffer';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** A fault of a whole file or folder. */
export function fault(path: string, problem: string): DataError {
  return new DataError(showPath(path), undefined, undefined, problem);
}

/** What a failed read of the file system says, in the words of a DataError. */
function fsProblem(error: unknown, missing = 'file is missing'): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return missing;
    case 'EISDIR':
      return 'is a folder, expected a file';
    case 'ENOTDIR':
      return 'is not a folder';
    case 'ELOOP':
      return 'is a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    default:
      return `cannot be read: ${(error as Error).message}`;
  }
}

/** A file's bytes; undefined for a missing file that is `optional`, a DataError for any other fault. */
export function readBytes(file: string, optional = false, missing?: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fault(file, fsProblem(error, missing));
  }
}

/**
 * An article's text: UTF-8 without a byte order mark (which would shift every offset by one),
 * with LF line endings (a CR would be part of the text the evidence is placed in).
 */
export function readText(file: string): { text: string; bytes: Buffer } {
  const bytes = readBytes(file) as Buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw fault(file, 'starts with a byte order mark (BOM): save it as UTF-8 without a BOM');
  }
  if (!isUtf8(bytes)) {
    throw fault(
      file,
      `is not valid UTF-8 (the first invalid byte is near offset ${invalidByte(bytes)}): save it as UTF-8`,
    );
  }
  const cr = bytes.indexOf(0x0d);
  if (cr !== -1) {
    let line = 1;
    for (let at = bytes.indexOf(0x0a); at !== -1 && at < cr; at = bytes.indexOf(0x0a, at + 1)) line++;
    const what = bytes[cr + 1] === 0x0a ? 'has CRLF line endings' : 'has a carriage return (CR)';
    throw fault(file, `${what} (line ${line}): save it with LF line endings`);
  }
  return { text: bytes.toString('utf8'), bytes };
}

/** Where UTF-8 decoding of the bytes first fails: fed one byte at a time (only ever on bad data). */
function invalidByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  return bytes.length; // a character cut short at the end
}

/** A folder that must exist: the data folder, its articles/. */
export function requireFolder(dir: string, missing: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    throw fault(dir, fsProblem(error, missing));
  }
  if (!isFolder) throw fault(dir, 'is not a folder');
}

/** The entries of a folder, sorted by name; none for a missing folder that is `optional`. */
export function entries(dir: string, optional = false): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fault(dir, fsProblem(error, 'folder is missing'));
  }
}

/** Reads one JSON file and parses it with its schema; a missing optional file is `fallback`. */
export function readJson<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback?: z.infer<S>,
  missing?: string,
): z.infer<S> {
  const source = readBytes(file, fallback !== undefined, missing)?.toString('utf8');
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

/**
 * The article folders of articles/, sorted by name. Anything else there is refused rather than
 * skipped: a file, and a symbolic link (the search worker reads the same folders, real ones only).
 */
export function articleFolders(dir: string): string[] {
  return entries(dir).map((entry) => {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      throw fault(
        path,
        'is a symbolic link: an article folder must be a real folder (copy it in, or point CLAIMGRAPH_DATA_DIR at a data folder that holds it)',
      );
    }
    if (!entry.isDirectory()) throw fault(path, 'is not a folder: articles/ holds article folders only');
    return path;
  });
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
