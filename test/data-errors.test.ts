/**
 * A bad data file stops the load with a message naming the file, the record and the field, one
 * test per class of fault; and the server refuses to start on one, with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** What article.json's "files" lists in the copy of data/, as the messages list a folder's files. */
const HOLDS = 'article.json, text.txt, mentions.json, agreements.json, accusations.json, quotes.json, events.json';

describe('what a folder holds: declared, never skipped (issue 12)', () => {
  it('a listed claim file deleted: names it', () => {
    const dir = copyOfData();
    rmSync(join(dir, ARTICLE, 'quotes.json'));
    expect(failure(dir).message).toBe(`${ARTICLE}/quotes.json: file is missing (article.json lists it in "files")`);
  });

  it('a claim file misspelled (quote.json): names the file the folder should not hold', () => {
    const dir = copyOfData();
    renameSync(join(dir, ARTICLE, 'quotes.json'), join(dir, ARTICLE, 'quote.json'));
    expect(failure(dir).message).toBe(`${ARTICLE}/quote.json: not a file of this folder, which holds ${HOLDS}`);
  });

  it('a claim file that holds no records ([]): names it', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, ARTICLE, 'quotes.json'), '[]');
    expect(failure(dir).message).toBe(
      `${ARTICLE}/quotes.json: holds no records: an article with none leaves the file out, and out of article.json's "files"`,
    );
  });

  it('a claim file that article.json does not list', () => {
    const error = loadWith(`${ARTICLE}/article.json`, (article) => {
      article.files = article.files.filter((name: string) => name !== 'quotes.json');
    });
    expect(error.message).toBe(
      `${ARTICLE}/quotes.json: not a file of this folder, which holds ${HOLDS.replace(' quotes.json,', '')}`,
    );
  });

  it('article.json without "files", or listing one twice', () => {
    const none = loadWith(`${ARTICLE}/article.json`, (article) => {
      delete article.files;
    });
    expect(none.message).toMatch(
      new RegExp(`^${ARTICLE}/article.json, record "[a-z0-9]+", field files: Invalid input: expected array`),
    );
    const twice = loadWith(`${ARTICLE}/article.json`, (article) => {
      article.files.push('quotes.json');
    });
    expect(twice.message).toMatch(
      new RegExp(`^${ARTICLE}/article.json, record "[a-z0-9]+", field files: lists quotes.json twice$`),
    );
  });

  it('a symbolic link to an article folder: refused, not skipped', () => {
    const dir = copyOfData();
    const elsewhere = copyOfData();
    rmSync(join(dir, ARTICLE), { recursive: true });
    symlinkSync(join(elsewhere, ARTICLE), join(dir, ARTICLE));
    expect(failure(dir).message).toBe(
      `${ARTICLE}: is a symbolic link: an article folder must be a real folder ` +
        '(copy it in, or point CLAIMGRAPH_DATA_DIR at a data folder that holds it)',
    );
  });

  it('a file among the article folders, and an unknown file among the entities', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'articles', 'notes.txt'), 'to do');
    expect(failure(dir).message).toBe('articles/notes.txt: is not a folder: articles/ holds article folders only');
    const entities = copyOfData();
    renameSync(join(entities, 'entities', 'people.json'), join(entities, 'entities', 'peoples.json'));
    expect(failure(entities).message).toBe(
      'entities/peoples.json: not a file of this folder, which holds people.json, countries.json, organizations.json, places.json, items.json',
    );
  });
});

describe('text.txt: UTF-8 without a BOM, with LF line endings (issue 12)', () => {
  const editText = (edit: (bytes: Buffer) => Buffer) => {
    const dir = copyOfData();
    const file = join(dir, ARTICLE, 'text.txt');
    writeFileSync(file, edit(readFileSync(file)));
    return failure(dir).message;
  };

  it('a byte order mark (it shifted every offset by one)', () => {
    expect(editText((bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toBe(
      `${ARTICLE}/text.txt: starts with a byte order mark (BOM): save it as UTF-8 without a BOM`,
    );
  });

  it('invalid UTF-8 (it was accepted): gives where', () => {
    expect(
      editText((bytes) => {
        const copy = Buffer.from(bytes);
        copy[100] = 0xff;
        return copy;
      }),
    ).toBe(`${ARTICLE}/text.txt: is not valid UTF-8 (the first invalid byte is near offset 100): save it as UTF-8`);
    expect(editText((bytes) => Buffer.concat([bytes, Buffer.from([0xc3])]))).toMatch(
      /text\.txt: is not valid UTF-8 \(the first invalid byte is near offset \d+\): save it as UTF-8$/,
    );
  });

  it('CRLF line endings (the message blamed a prefix or suffix)', () => {
    expect(editText((bytes) => Buffer.from(bytes.toString('utf8').replaceAll('\n', '\r\n')))).toBe(
      `${ARTICLE}/text.txt: has CRLF line endings (line 1): save it with LF line endings`,
    );
    expect(
      editText((bytes) => {
        // A bare CR in line 3, in place of its first space.
        const text = bytes.toString('utf8');
        const third = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        const space = text.indexOf(' ', third);
        return Buffer.from(`${text.slice(0, space)}\r${text.slice(space + 1)}`);
      }),
    ).toBe(`${ARTICLE}/text.txt: has a carriage return (CR) (line 3): save it with LF line endings`);
  });
});

describe('file system faults: the path and what is wrong with it (issue 12)', () => {
  it('a symbolic link loop', () => {
    const dir = copyOfData();
    const file = join(dir, ARTICLE, 'quotes.json');
    rmSync(file);
    symlinkSync(file, file);
    expect(failure(dir).message).toBe(`${ARTICLE}/quotes.json: is a symbolic link loop`);
  });

  it('a folder where a file should be', () => {
    const dir = copyOfData();
    rmSync(join(dir, ARTICLE, 'quotes.json'));
    mkdirSync(join(dir, ARTICLE, 'quotes.json'));
    expect(failure(dir).message).toBe(`${ARTICLE}/quotes.json: is a folder, expected a file`);
    const text = copyOfData();
    rmSync(join(text, ARTICLE, 'text.txt'));
    mkdirSync(join(text, ARTICLE, 'text.txt'));
    expect(failure(text).message).toBe(`${ARTICLE}/text.txt: is a folder, expected a file`);
  });

  it('a missing data folder, a missing articles/', () => {
    const dir = copyOfData();
    rmSync(dir, { recursive: true });
    expect(failure(dir).message).toBe(`${dir}: the data folder is missing`);
    const articles = copyOfData();
    rmSync(join(articles, 'articles'), { recursive: true });
    expect(failure(articles).message).toBe('articles: folder is missing');
  });

  it.each([
    ['a missing data folder', (dir: string) => rmSync(dir, { recursive: true }), ': the data folder is missing'],
    [
      'a symbolic link loop',
      (dir: string) => {
        const file = join(dir, ARTICLE, 'quotes.json');
        rmSync(file);
        symlinkSync(file, file);
      },
      `/${ARTICLE}/quotes.json: is a symbolic link loop`,
    ],
    [
      'a folder named quotes.json',
      (dir: string) => {
        rmSync(join(dir, ARTICLE, 'quotes.json'));
        mkdirSync(join(dir, ARTICLE, 'quotes.json'));
      },
      `/${ARTICLE}/quotes.json: is a folder, expected a file`,
    ],
  ])('%s: the server prints one line, no stack, and exits 1', (_case, breakIt, problem) => {
    const dir = copyOfData();
    breakIt(dir);
    const run = spawnSync(process.execPath, ['dist/server.js'], {
      env: { ...process.env, CLAIMGRAPH_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`claimgraph: refusing to start, bad data: ${dir}${problem}\n`);
  });
});
