/**
 * A bad data file stops the load with a message naming the file, the record and the field, one
 * test per class of fault; and the server refuses to start on one, with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/data/load.ts';
import { DataError } from '../src/errors.ts';
import { DEFAULT_DATA_DIR } from '../src/paths.ts';

const ARTICLE = 'articles/a16048bde2f63942';
const dirs: string[] = [];

/** A copy of data/ in a temporary folder, to break on purpose. */
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-data-'));
  dirs.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Edits one JSON file of a copy of data/ and returns the error the load then fails with. */
function loadWith(file: string, edit: (json: any) => void): DataError {
  const dir = copyOfData();
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return failure(dir);
}

function failure(dir: string): DataError {
  try {
    loadCorpus(dir);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    // Paths outside the working directory are printed in full; compare from the data folder on.
    error.message = error.message.replaceAll(`${dir}/`, '');
    return error;
  }
  throw new Error('the load did not fail');
}

const byId = (list: { id: string }[], id: string) => {
  const record = list.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id} in the fixture`);
  return record as any;
};

describe('a bad data file', () => {
  it('malformed JSON: names the file and the parser error', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, ARTICLE, 'quotes.json'), '[{"id": "x",');
    expect(failure(dir).message).toMatch(
      new RegExp(`^${ARTICLE}/quotes.json: malformed JSON: .*(JSON|Unexpected end)`),
    );
  });

  it('missing required field: names the record and the field', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      delete list[1].act;
    });
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-iran-supplied-drones-and-missiles" (#1), field act: ` +
        'Invalid input: expected string, received undefined',
    );
  });

  it('wrong type: names the nested field', () => {
    const error = loadWith(`${ARTICLE}/agreements.json`, (list) => {
      list[0].articleCount.value = '47';
    });
    expect(error.message).toMatch(
      new RegExp(
        `^${ARTICLE}/agreements.json, record "[a-z-]+" \\(#0\\), field articleCount.value: Invalid input: expected number, received string$`,
      ),
    );
  });

  it('unknown field: refuses fields the format does not define', () => {
    const error = loadWith('entities/people.json', (list) => {
      list[0].age = 72;
    });
    expect(error.message).toBe('entities/people.json, record "vladimir-putin" (#0), field age: unknown field');
  });

  it('duplicate id: names both files', () => {
    const error = loadWith('entities/countries.json', (list) => {
      list.push({ id: 'vladimir-putin', name: 'Putinland' });
    });
    expect(error.message).toBe(
      'entities/countries.json, record "vladimir-putin" (#8), field id: duplicate id "vladimir-putin": ' +
        'already defined in entities/people.json',
    );
  });

  it('dangling reference: names the role that points nowhere', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-iran-supplied-drones-and-missiles').accused[0].ref = 'atlantis';
    });
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-iran-supplied-drones-and-missiles" (#1), ` +
        'field accused[0].ref: unknown id "atlantis"',
    );
  });

  it('reference to the wrong kind of record: says what was expected', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-iran-supplied-drones-and-missiles').items[0].ref = 'russia';
    });
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-iran-supplied-drones-and-missiles" (#1), ` +
        'field items[0].ref: "russia" is a Country, expected Item',
    );
  });

  it('evidence not in the article: quotes the words that are not there', () => {
    const error = loadWith(`${ARTICLE}/quotes.json`, (list) => {
      list[0].words.exact = 'with ambitious goals';
    });
    expect(error.message).toMatch(
      new RegExp(
        `^${ARTICLE}/quotes.json, record "[a-z-]+" \\(#0\\), field words: "with ambitious goals" is not in the article text verbatim$`,
      ),
    );
  });

  it('ambiguous evidence: gives the offsets and asks for a prefix or suffix', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-iran-supplied-drones-and-missiles').evidence = [{ exact: 'the West' }];
    });
    expect(error.message).toMatch(
      new RegExp(
        `^${ARTICLE}/accusations.json, record "accusation-iran-supplied-drones-and-missiles" \\(#1\\), field evidence\\[0\\]: ` +
          '"the West" is ambiguous: it occurs \\d+ times \\(at offsets [\\d, ]+\\); add a prefix or suffix that picks one$',
      ),
    );
  });

  it('a prefix that matches no occurrence: says so', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-iran-supplied-drones-and-missiles').evidence = [{ exact: 'the West', prefix: 'nowhere ' }];
    });
    expect(error.message).toMatch(
      /field evidence\[0\]: "the West" occurs \d+ time\(s\), but none with the given prefix\/suffix matches$/,
    );
  });

  it('a date whose parts disagree with its precision', () => {
    const error = loadWith(`${ARTICLE}/events.json`, (list) => {
      list[0].date.start = '2025-01';
    });
    expect(error.message).toMatch(
      new RegExp(
        `^${ARTICLE}/events.json, record "[a-z0-9-]+" \\(#0\\), field date.start: "2025-01" does not have DAY precision$`,
      ),
    );
  });

  it('a missing article text', () => {
    const dir = copyOfData();
    rmSync(join(dir, ARTICLE, 'text.txt'));
    expect(failure(dir).message).toBe(`${ARTICLE}/text.txt: file is missing`);
  });

  it('stops the server: it exits non-zero and prints the message', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'entities/items.json'), '[{"id": "drone", "name": "drone", "category": "BALLOON"}]');
    const run = spawnSync(process.execPath, ['dist/server.js'], {
      env: { ...process.env, CLAIMGRAPH_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `claimgraph: refusing to start, bad data: ${dir}/entities/items.json, record "drone" (#0), field category: ` +
        'Invalid option: expected one of "DRONE"|"MISSILE"|"TROOPS"|"OTHER"',
    );
  });
});
