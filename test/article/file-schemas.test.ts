/**
 * The files' schemas are compiled (src/data/files.ts): a compiled schema must return what zod's
 * general parser returns for a valid file, defaults filled in, and the same issues for a bad one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fileSchemas, files } from '../../src/data/files.ts';
import { DEFAULT_DATA_DIR } from '../../src/paths.ts';

const ARTICLE = join(DEFAULT_DATA_DIR, 'articles/a16048bde2f63942');
const read = (file: string): any => JSON.parse(readFileSync(join(ARTICLE, file), 'utf8'));

const ARTICLE_FILES = ['article', 'mentions', 'agreements', 'accusations', 'quotes', 'events', 'statements'] as const;

describe('compiled file schemas', () => {
  it('return what the general parser returns for every file of the article', () => {
    for (const name of ARTICLE_FILES) {
      const json = read(`${name}.json`);
      expect(files[name].parse(json), name).toEqual(fileSchemas[name].parse(json));
    }
  });

  it('fill in defaults as the general parser does', () => {
    const [mention] = read('mentions.json');
    delete mention.titles;
    expect(files.mentions.parse([mention])[0]?.titles).toEqual([]);
  });

  it('report the same issues as the general parser for a bad file', () => {
    const events = read('events.json');
    events[1].date.precision = 'WEEK';
    delete events[2].name;
    events[3].extra = true;
    const issues = (schema: z.ZodType) => schema.safeParse(events).error?.issues;
    expect(issues(files.events)).toHaveLength(3);
    expect(issues(files.events)).toEqual(issues(fileSchemas.events));
  });

  it('reject entities as before', () => {
    const people = [{ id: 'Not An Id', name: 'x' }];
    expect(files.people.safeParse(people).error?.issues).toEqual(fileSchemas.people.safeParse(people).error?.issues);
  });
});
