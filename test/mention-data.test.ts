/**
 * Names and mentions in the data: the loader refuses every way the declared names and an
 * article's mention records can disagree with its text, each with a message naming the file,
 * the record and the field.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/data/load.ts';
import { DataError } from '../src/errors.ts';
import { DEFAULT_DATA_DIR } from '../src/paths.ts';

const MENTIONS = 'articles/a16048bde2f63942/mentions.json';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, any>;

/** Loads a copy of data/ with some of its JSON files edited; returns the message it fails with. */
function failureWith(edits: Record<string, (json: any) => void>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-mentions-'));
  dirs.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    edit(json);
    writeFileSync(path, JSON.stringify(json, null, 2));
  }
  try {
    loadCorpus(dir);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.message.replaceAll(`${dir}/`, '');
  }
  throw new Error('the load did not fail');
}

const entry = (list: Json[], key: string, value: string): Json => {
  const found = list.find((item) => item[key] === value);
  if (!found) throw new Error(`no ${value} in the data`);
  return found;
};

describe('declared names', () => {
  it('refuses a name said to be written that no article writes', () => {
    const message = failureWith({
      'entities/countries.json': (countries) => delete entry(countries, 'id', 'china').nameWritten,
    });
    expect(message).toBe(
      'entities/countries.json, record "china" (#6), field name: "China" occurs in no article that mentions the ' +
        'entity: say "nameWritten": false if no article writes it',
    );
  });

  it('refuses a name said not to be written that an article writes', () => {
    const message = failureWith({
      'entities/countries.json': (countries) => {
        entry(countries, 'id', 'syria').nameWritten = false;
      },
    });
    expect(message).toBe(
      'entities/countries.json, record "syria" (#4), field nameWritten: "Syria" occurs in an article that mentions the entity',
    );
  });

  it('refuses an alias no article writes', () => {
    const message = failureWith({
      'entities/people.json': (people) => {
        entry(people, 'id', 'sergei-lavrov').aliases = [{ text: 'Lavroff', form: 'SHORT_NAME' }];
      },
    });
    expect(message).toBe(
      'entities/people.json, record "sergei-lavrov" (#6), field aliases[0].text: "Lavroff" occurs in no article that mentions the entity',
    );
  });
});

describe("an article's mention records", () => {
  it('refuses the same words found for two entities', () => {
    const message = failureWith({
      [MENTIONS]: (mentions) => delete entry(mentions, 'entity', 'moscow-city').exclusions,
    });
    expect(message).toMatch(
      /^articles\/a16048bde2f63942\/mentions.json, record "moscow-city" \(#\d+\), field entity: "Moscow" at offset \d+ is also a name of "russia": exclude it from every entity it does not refer to$/,
    );
  });

  it('refuses an exclusion that is not an occurrence of one of the names', () => {
    const message = failureWith({
      [MENTIONS]: (mentions) => {
        entry(mentions, 'entity', 'syria').exclusions = [{ reason: 'a test', evidence: [{ exact: 'Baku' }] }];
      },
    });
    expect(message).toMatch(
      /field exclusions\[0\]\.evidence\[0\]: "Baku" is not an occurrence of one of the entity's names$/,
    );
  });

  it('refuses a description that overlaps a name the loader finds', () => {
    const message = failureWith({
      [MENTIONS]: (mentions) => {
        entry(mentions, 'entity', 'syria').descriptions = [{ exact: 'the flight from Syria' }];
      },
    });
    expect(message).toMatch(
      /field descriptions\[0\]: "the flight from Syria" overlaps "Syria", a name the loader finds by itself$/,
    );
  });

  it('refuses an entity the article never mentions', () => {
    const message = failureWith({
      'entities/countries.json': (countries) =>
        countries.push({ id: 'atlantis', name: 'Atlantis', nameWritten: false }),
      [MENTIONS]: (mentions) => mentions.push({ entity: 'atlantis' }),
    });
    expect(message).toMatch(
      /mentions.json, record "atlantis" \(#\d+\), field entity: the article never mentions it: none of its names occur, and no description is given$/,
    );
  });

  it('refuses a mention record of something that is not an entity', () => {
    const message = failureWith({ [MENTIONS]: (mentions) => mentions.push({ entity: 'joint-press-conference' }) });
    expect(message).toMatch(/field entity: "joint-press-conference" is a Event, expected Person or Country/);
  });
});
