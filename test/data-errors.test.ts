/**
 * A bad data file stops the load with a message naming the file, the record and the field, one
 * test per class of fault, each on a copy of the fixture corpus broken on purpose; and the server
 * refuses to start on one, with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/data/load.ts';
import { STATEMENT_ROLES } from '../src/data/records.ts';
import { DataError } from '../src/errors.ts';
import { FIXTURE_DIR } from './helpers.ts';

/** The fixture's first article (accusations, quotes, events) and its second (the Kessel Treaty). */
const ARTICLE = 'articles/amber-strait-report';
const TREATY_ARTICLE = 'articles/kessel-treaty-report';
const dirs: string[] = [];

/** A copy of the fixture corpus in a temporary folder, to break on purpose. */
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-data-'));
  dirs.push(dir);
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Edits one JSON file of a copy of the fixture and returns the error the load then fails with. */
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

/** Where `words` stand in the text of the fixture's first article. */
function occurrences(words: string): number[] {
  const text = readFileSync(join(FIXTURE_DIR, ARTICLE, 'text.txt'), 'utf8');
  const found: number[] = [];
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) found.push(at);
  return found;
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
      `${ARTICLE}/accusations.json, record "accusation-westerra-sent-soldiers" (#1), field act: ` +
        'Invalid input: expected string, received undefined',
    );
  });

  it('wrong type: names the nested field', () => {
    const error = loadWith(`${TREATY_ARTICLE}/agreements.json`, (list) => {
      list[0].articleCount.value = '12';
    });
    expect(error.message).toBe(
      `${TREATY_ARTICLE}/agreements.json, record "kessel-treaty" (#0), field articleCount.value: ` +
        'Invalid input: expected number, received string',
    );
  });

  it('unknown field: refuses fields the format does not define', () => {
    const error = loadWith('entities/people.json', (list) => {
      list[0].age = 72;
    });
    expect(error.message).toBe('entities/people.json, record "anna-varga" (#0), field age: unknown field');
  });

  it('duplicate id: names both files', () => {
    const error = loadWith('entities/countries.json', (list) => {
      list.push({ id: 'anna-varga', name: 'Vargaland' });
    });
    expect(error.message).toBe(
      'entities/countries.json, record "anna-varga" (#5), field id: duplicate id "anna-varga": ' +
        'already defined in entities/people.json',
    );
  });

  it('dangling reference: names the role that points nowhere', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-sudovia-armed-ostria').accused[0].ref = 'atlantis';
    });
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-sudovia-armed-ostria" (#0), ` +
        'field accused[0].ref: unknown id "atlantis"',
    );
  });

  it('reference to the wrong kind of record: says what was expected', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-westerra-sent-soldiers').items[0].ref = 'westerra';
    });
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-westerra-sent-soldiers" (#1), ` +
        'field items[0].ref: "westerra" is a Country, expected Item',
    );
  });

  it('evidence not in the article: quotes the words that are not there', () => {
    const error = loadWith(`${ARTICLE}/quotes.json`, (list) => {
      list[0].words.exact = 'We have sent nothing to Ostria, not one drone';
    });
    expect(error.message).toBe(
      `${ARTICLE}/quotes.json, record "quote-solano-nothing-sent" (#0), field words: ` +
        '"We have sent nothing to Ostria, not one drone" is not in the article text verbatim',
    );
  });

  it('ambiguous evidence: gives the offsets and asks for a prefix or suffix', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-sudovia-armed-ostria').evidence = [{ exact: 'Sudovia' }];
    });
    const offsets = occurrences('Sudovia');
    expect(offsets.length).toBeGreaterThan(1);
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-sudovia-armed-ostria" (#0), field evidence[0]: ` +
        `"Sudovia" is ambiguous: it occurs ${offsets.length} times (at offsets ${offsets.join(', ')}); ` +
        'add a prefix or suffix that picks one',
    );
  });

  it('a prefix that matches no occurrence: says so', () => {
    const error = loadWith(`${ARTICLE}/accusations.json`, (list) => {
      byId(list, 'accusation-sudovia-armed-ostria').evidence = [{ exact: 'Sudovia', prefix: 'nowhere ' }];
    });
    expect(error.message).toBe(
      `${ARTICLE}/accusations.json, record "accusation-sudovia-armed-ostria" (#0), field evidence[0]: ` +
        `"Sudovia" occurs ${occurrences('Sudovia').length} time(s), but none with the given prefix/suffix matches`,
    );
  });

  it('a date whose parts disagree with its precision', () => {
    const error = loadWith(`${ARTICLE}/events.json`, (list) => {
      list[0].date.start = '2025-04';
    });
    expect(error.message).toBe(
      `${ARTICLE}/events.json, record "accusations-against-sudovia" (#0), field date.start: ` +
        '"2025-04" does not have DAY precision',
    );
  });

  it('a range that runs backwards', () => {
    const error = loadWith(`${TREATY_ARTICLE}/events.json`, (list) => {
      byId(list, 'brenner-first-term').date.end = '2011';
    });
    expect(error.message).toBe(
      `${TREATY_ARTICLE}/events.json, record "brenner-first-term" (#5), field date.end: "2011" is before "2012"`,
    );
  });

  it('an entity that no article mentions', () => {
    const error = loadWith('entities/places.json', (list) => {
      list.push({ id: 'atlantis', name: 'Atlantis' });
    });
    expect(error.message).toBe(
      'entities/places.json, record "atlantis" (#3), field id: no article mentions this entity',
    );
  });

  it('a reference to a later article that holds no such record: found once every article is read', () => {
    const error = loadWith(`${ARTICLE}/quotes.json`, (list) => {
      byId(list, 'quote-varga-already-working').about[0].ref = 'kessel-accord';
    });
    expect(error.message).toBe(
      `${ARTICLE}/quotes.json, record "quote-varga-already-working" (#3), field about[0].ref: unknown id "kessel-accord"`,
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

describe('a bad statement, agreement name or event link', () => {
  const STATEMENTS = `${ARTICLE}/statements.json`;
  const RECORD = '"[a-z0-9-]+" \\(#\\d+\\)';
  /** The article of the fixture whose `file` has a record that passes `test`. */
  const articleWith = (file: string, test: (record: any) => boolean) => {
    const found = readdirSync(join(FIXTURE_DIR, 'articles')).find((name) => {
      const path = join(FIXTURE_DIR, 'articles', name, `${file}.json`);
      return existsSync(path) && JSON.parse(readFileSync(path, 'utf8')).some(test);
    });
    if (!found) throw new Error(`no ${file} of the fixture has the record the test needs`);
    return `articles/${found}/${file}.json`;
  };

  it('a role value of a kind the role does not take: names the role and the kinds it takes', () => {
    const error = loadWith(STATEMENTS, (list) => {
      list[0].places = [{ ref: 'anna-varga', evidence: list[0].evidence }];
    });
    expect(error.message).toMatch(
      new RegExp(
        `^${STATEMENTS}, record ${RECORD}, field places\\[0\\].ref: "anna-varga" is a Person, expected Place or Country$`,
      ),
    );
  });

  it('a statement that names nothing in any role', () => {
    const error = loadWith(STATEMENTS, (list) => {
      for (const field of Object.keys(STATEMENT_ROLES)) delete list[0][field];
    });
    expect(error.message).toMatch(
      new RegExp(`^${STATEMENTS}, record ${RECORD}: a statement names at least one subject`),
    );
  });

  it('a promise, call or hope without the modality its predicate gives', () => {
    const error = loadWith(STATEMENTS, (list) => {
      list[0].predicate = 'PROMISE';
      list[0].modality = 'HOPED';
    });
    expect(error.message).toMatch(
      new RegExp(`^${STATEMENTS}, record ${RECORD}, field modality: a PROMISE statement has modality PROMISED$`),
    );
  });

  it("a quote cited for a statement that is not its speakers' words", () => {
    const file = articleWith('statements', (s) => s.attribution?.quotes?.length > 0);
    const quotes = JSON.parse(readFileSync(join(FIXTURE_DIR, file.replace('statements', 'quotes')), 'utf8'));
    let cited = '';
    const error = loadWith(file, (list) => {
      const statement = list.find((s: any) => s.attribution?.quotes?.length > 0);
      const speakers = statement.attribution.speakers.map((speaker: any) => speaker.ref);
      cited = quotes.find((quote: any) => !speakers.includes(quote.speaker.ref)).id;
      statement.attribution.quotes = [cited];
    });
    expect(error.message).toMatch(
      new RegExp(
        `^${file}, record ${RECORD}, field attribution.quotes\\[0\\]: "${cited}" is not the words of a speaker of the statement$`,
      ),
    );
  });

  it('a quote of another article cited for a statement', () => {
    const file = articleWith('statements', (s) => s.attribution?.quotes?.length > 0);
    const other = readdirSync(join(FIXTURE_DIR, 'articles'))
      .map((name) => `articles/${name}/quotes.json`)
      .find((quotes) => quotes !== file.replace('statements', 'quotes') && existsSync(join(FIXTURE_DIR, quotes)));
    const [quote] = JSON.parse(readFileSync(join(FIXTURE_DIR, other as string), 'utf8'));
    const error = loadWith(file, (list) => {
      list.find((s: any) => s.attribution?.quotes?.length > 0).attribution.quotes = [quote.id];
    });
    expect(error.message).toMatch(
      new RegExp(`field attribution.quotes\\[0\\]: "${quote.id}" is not a quote of this article$`),
    );
  });

  it("an agreement's name evidence that is not its name", () => {
    const file = articleWith('agreements', (a) => a.nameEvidence);
    const error = loadWith(file, (list) => {
      const agreement = list.find((a: any) => a.nameEvidence);
      agreement.nameEvidence = agreement.evidence[0];
    });
    expect(error.message).toMatch(
      new RegExp(`^${file}, record ${RECORD}, field nameEvidence: ".+" is not the name ".+"$`),
    );
  });

  it('an event part of itself, or of something that is not an event', () => {
    const file = articleWith('events', (e) => e.partOf);
    const itself = loadWith(file, (list) => {
      const event = list.find((e: any) => e.partOf);
      event.partOf.ref = event.id;
    });
    expect(itself.message).toMatch(
      new RegExp(`^${file}, record ${RECORD}, field partOf.ref: an event cannot be part of itself$`),
    );
    const person = loadWith(file, (list) => {
      list.find((e: any) => e.partOf).partOf.ref = 'anna-varga';
    });
    expect(person.message).toMatch(/field partOf.ref: "anna-varga" is a Person, expected Event$/);
  });
});

/** What the first article's folder holds, as the messages list a folder's files. */
const HOLDS = 'article.json, text.txt, mentions.json, accusations.json, quotes.json, events.json, statements.json';

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
      new RegExp(`^${ARTICLE}/article.json, record "[a-z0-9-]+", field files: Invalid input: expected array`),
    );
    const twice = loadWith(`${ARTICLE}/article.json`, (article) => {
      article.files.push('quotes.json');
    });
    expect(twice.message).toMatch(
      new RegExp(`^${ARTICLE}/article.json, record "[a-z0-9-]+", field files: lists quotes.json twice$`),
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
    ).toMatch(
      new RegExp(
        `^${ARTICLE}/text.txt: is not valid UTF-8 \\(the first invalid byte is near offset 10[0-3]\\): save it as UTF-8$`,
      ),
    );
    expect(editText((bytes) => Buffer.concat([bytes, Buffer.from([0xc3])]))).toMatch(
      /text\.txt: is not valid UTF-8 \(the first invalid byte is near offset \d+\): save it as UTF-8$/,
    );
  });

  it('CRLF line endings (the message blamed a prefix or suffix)', () => {
    let crLine = 0;
    expect(editText((bytes) => Buffer.from(bytes.toString('utf8').replaceAll('\n', '\r\n')))).toBe(
      `${ARTICLE}/text.txt: has CRLF line endings (line 1): save it with LF line endings`,
    );
    expect(
      editText((bytes) => {
        // A bare CR in place of the first space of the third line that has one.
        const text = bytes.toString('utf8');
        const lines = text.split('\n');
        const line = lines.findIndex((words, i) => i >= 2 && words.includes(' '));
        const space = lines.slice(0, line).join('\n').length + 1 + (lines[line] ?? '').indexOf(' ');
        crLine = line + 1;
        return Buffer.from(`${text.slice(0, space)}\r${text.slice(space + 1)}`);
      }),
    ).toBe(`${ARTICLE}/text.txt: has a carriage return (CR) (line ${crLine}): save it with LF line endings`);
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
