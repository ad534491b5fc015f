/**
 * A deterministic, seeded generator of synthetic articles in the exact format of data/ (see
 * src/data/files.ts): the real article and its entities, plus as many synthetic articles as it
 * takes to reach a multiple of the real article's record count. Each synthetic article has its
 * own text, its own people, organizations and places, and claims (events, agreements with
 * provisions, accusations, quotes) whose evidence quotes its text verbatim; it also names some of
 * the real countries and items, so indexes on those grow with the corpus as they would in life.
 *
 *   node --import tsx scripts/generate-corpus.ts <out-dir> <multiple> [seed]
 *
 * `npm run bench:scale` (bench/scale.ts) generates its corpora with it; test/generate-corpus.test.ts
 * checks that what it writes loads, as the same corpus for the same seed.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_FILES } from '../src/data/records.ts';
import { DEFAULT_DATA_DIR } from '../src/paths.ts';

type Json = Record<string, unknown>;
type Evidence = { exact: string; prefix?: string };

const ENTITY_NAMES = Object.keys(ENTITY_FILES) as (keyof typeof ENTITY_FILES)[];
const CLAIM_FILES = ['mentions', 'agreements', 'accusations', 'quotes', 'events', 'statements'] as const;
const EVENT_KINDS = ['MEETING', 'VISIT', 'SUMMIT', 'SIGNING', 'PRESS_CONFERENCE', 'CEREMONY', 'STATEMENT', 'ARRIVAL'];
const CHANNELS = ['UNSPECIFIED', 'PRESS_CONFERENCE', 'NEWS_AGENCY_ARTICLE', 'QUOTED_BY_MEDIA', 'TRANSLATION'];
const STANCES = ['DENIED', 'CONFIRMED', 'NEITHER_CONFIRMED_NOR_DENIED'] as const;
const STANCE_WORDS = {
  DENIED: 'denied it',
  CONFIRMED: 'confirmed it',
  NEITHER_CONFIRMED_NOR_DENIED: 'neither confirmed nor denied it',
};
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'sa',
  'del',
  'an',
  'or',
  'is',
  'ul',
  'bek',
  'zan',
  'po',
  'ri',
  'che',
  'nov',
];

/** mulberry32: a small, fast PRNG; the same seed gives the same corpus on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A distinct pronounceable word for every non-negative integer. */
function encode(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return word;
}

function nth<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`generator bug: no element ${index}`);
  return value;
}

const capital = (word: string) => word[0]?.toUpperCase() + word.slice(1);
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * The number of records in a data directory's files: entities, articles, claims, provisions,
 * mentions. A claim file an article leaves out holds none.
 */
export function countRecords(dataDir: string): number {
  const read = (file: string) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json[]) : []);
  let count = ENTITY_NAMES.reduce((sum, name) => sum + read(join(dataDir, 'entities', `${name}.json`)).length, 0);
  for (const article of readdirSync(join(dataDir, 'articles'))) {
    count += 1;
    for (const name of CLAIM_FILES) {
      const records = read(join(dataDir, 'articles', article, `${name}.json`));
      count += records.length;
      if (name === 'agreements') for (const a of records) count += (a.provisions as unknown[]).length;
    }
  }
  return count;
}

/** Writes a corpus of at least `multiple` × the real article's record count into `outDir`. */
export function generateCorpus(outDir: string, multiple: number, seed = 1): { records: number; articles: number } {
  const base = countRecords(DEFAULT_DATA_DIR);
  cpSync(join(DEFAULT_DATA_DIR, 'articles'), join(outDir, 'articles'), { recursive: true });
  const entities = Object.fromEntries(
    ENTITY_NAMES.map((name) => [
      name,
      JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'entities', `${name}.json`), 'utf8')) as Json[],
    ]),
  ) as Record<(typeof ENTITY_NAMES)[number], Json[]>;
  const countries = entities.countries.map((c) => ({ id: c.id as string, name: c.name as string }));
  const items = entities.items.map((i) => ({ id: i.id as string, name: i.name as string }));
  const rng = random(seed);
  const vocabulary = Array.from({ length: 4000 }, (_, i) => encode(i + 400));
  const pick = <T>(list: readonly T[]): T => nth(list, Math.floor(rng() * list.length));
  /** `n` distinct elements of `list`. */
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [copy[i], copy[j]] = [nth(copy, j), nth(copy, i)];
    }
    return copy.slice(0, n);
  };
  /** Filler words, Zipf-like: a few words are common, most are rare. */
  const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(rng() ** 3 * 4000)]).join(' ');

  /** Real entities a synthetic article names: each is written there, whatever the real article says. */
  const written = new Set<string>();
  let records = base;
  let articles = 1;
  for (let k = 1; records < multiple * base; k++) {
    records += writeArticle(k);
    articles++;
  }
  mkdirSync(join(outDir, 'entities'), { recursive: true });
  for (const entity of [...entities.countries, ...entities.items]) {
    if (written.has(entity.id as string)) delete entity.nameWritten;
  }
  for (const name of ENTITY_NAMES) {
    writeFileSync(join(outDir, 'entities', `${name}.json`), JSON.stringify(entities[name], null, 1));
  }
  return { records, articles };

  function writeArticle(k: number): number {
    const id = `synthetic-${String(k).padStart(6, '0')}`;
    const unique = (j: number) => capital(encode(k * 16 + j));
    const people = Array.from({ length: 8 }, (_, j) => ({ name: `${capital(pick(vocabulary))} ${unique(j)}` }));
    const organizations = [0, 1].map((j) => ({ name: `${unique(8 + j)} Council` }));
    const places = [0, 1].map((j) => ({ name: `${unique(10 + j)} Square` }));
    const named = [...people, ...organizations, ...places].map((e) => ({ ...e, id: slug(e.name) }));
    const [p, o, l] = [named.slice(0, 8), named.slice(8, 10), named.slice(10, 12)];
    const shared = sample(countries, 4);
    const sharedItems = sample(items, 2);
    for (const entity of [...shared, ...sharedItems]) written.add(entity.id);

    // Sentences first; evidence is placed once the whole text is known.
    const sentences: string[] = [];
    const say = (sentence: string) => {
      const tagged = `Report ${k}.${sentences.length}: ${sentence}`;
      sentences.push(tagged);
      return tagged;
    };
    const title = `Report ${k}: ${capital(words(6))}`;
    const published = `2025-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
    const dateSentence = say(`Published on ${published}, ${words(8)}.`);
    const mentionSentences = [...named, ...shared, ...sharedItems].map((entity) => ({
      entity,
      role: `${pick(['envoy', 'adviser', 'spokesperson', 'minister'])} for ${words(1)}`,
      sentence: '',
    }));
    for (const m of mentionSentences) m.sentence = say(`${m.entity.name}, ${m.role}, spoke of ${words(10)}.`);
    const eventSentences = Array.from({ length: 16 }, (_, i) => {
      const [a, b, place] = [nth(p, i % 8), nth(p, (i + 3) % 8), nth(l, i % 2)];
      const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((k + i) % 28)).padStart(2, '0')}`;
      const kind = EVENT_KINDS[i % EVENT_KINDS.length] as string;
      const what = kind.toLowerCase().replace('_', ' ');
      return {
        a,
        b,
        place,
        day,
        kind,
        what,
        sentence: say(`${a.name} and ${b.name} held a ${what} at ${place.name} on ${day}, ${words(8)}.`),
      };
    });
    const agreementSentences = Array.from({ length: 3 }, (_, i) => {
      const [c1, c2, signer] = [nth(shared, i % 4), nth(shared, (i + 1) % 4), nth(p, i)];
      const name = `${words(2)} accord ${k}-${i}`;
      const provisions = Array.from({ length: i === 0 ? 5 : 1 }, () => `cooperation on ${words(2)}`);
      const sentence = say(
        `${c1.name} and ${c2.name} concluded the ${name}, signed by ${signer.name}, which provides ${provisions.join(', ')}.`,
      );
      return { c1, c2, signer, name, provisions, sentence };
    });
    const accusationSentences = Array.from({ length: 2 }, (_, i) => {
      const [accuser, accused, beneficiary, item] = [
        nth(p, i + 4),
        nth(shared, i),
        nth(shared, i + 2),
        nth(sharedItems, i),
      ];
      const stance = STANCES[(k + i) % 3] as (typeof STANCES)[number];
      const act = `supplying ${item.name} to ${beneficiary.name}`;
      const sentence = say(
        `${accuser.name} accused ${accused.name} of ${act}; ${accused.name} ${STANCE_WORDS[stance]}.`,
      );
      return { accuser, accused, beneficiary, item, stance, act, sentence };
    });
    const quoteSentences = Array.from({ length: 12 }, (_, i) => {
      const [speaker, about] = [nth(p, i % 8), nth(shared, i % 4)];
      const quoted = `${capital(words(7))} ${i}-${k}`;
      return { speaker, about, quoted, i, sentence: say(`“${quoted}”, said ${speaker.name} about ${about.name}.`) };
    });
    const text = `Synthetic Wire\n\n${title}\n\n${sentences.join(' ')}\n`;

    /** `exact` as it stands in `sentence`, with the sentence's start as prefix when it recurs. */
    const ev = (sentence: string, exact: string, from = 0): Evidence => {
      const at = sentence.indexOf(exact, from);
      if (at < 0) throw new Error(`generator bug: ${exact} not in ${sentence}`);
      if (text.indexOf(exact) === text.lastIndexOf(exact)) return { exact };
      return { exact, prefix: sentence.slice(0, at) };
    };
    const whole = (sentence: string): Evidence => ({ exact: sentence });
    const role = (ref: string, sentence: string, name: string, from = 0) => ({
      ref,
      evidence: [ev(sentence, name, from)],
    });

    const dir = join(outDir, 'articles', id);
    mkdirSync(dir, { recursive: true });
    const write = (file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 1));
    writeFileSync(join(dir, 'text.txt'), text);
    write('article.json', {
      id,
      // A synthetic article has no statements: the five other claim files.
      files: CLAIM_FILES.filter((name) => name !== 'statements').map((name) => `${name}.json`),
      title,
      titleEvidence: { exact: title },
      publisher: { name: 'Synthetic Wire', evidence: { exact: 'Synthetic Wire' } },
      language: 'en',
      published: {
        date: published,
        inference: 'Stated in the text.',
        evidence: [ev(dateSentence, `on ${published}`)],
      },
    });
    write(
      'mentions.json',
      mentionSentences.map(({ entity, role: title, sentence }) => ({
        entity: entity.id,
        titles: [{ title, evidence: [ev(sentence, title)] }],
      })),
    );
    const events = eventSentences.map((e, i) => ({
      id: `${id}-event-${i}`,
      kind: e.kind,
      name: `${e.what} at ${e.place.name}`,
      date: { precision: 'DAY', start: e.day, phrase: ev(e.sentence, `on ${e.day}`), resolution: 'Stated in full.' },
      place: role(e.place.id, e.sentence, e.place.name),
      participants: [role(e.a.id, e.sentence, e.a.name), role(e.b.id, e.sentence, e.b.name)],
      evidence: [whole(e.sentence)],
    }));
    write('events.json', events);
    write(
      'agreements.json',
      agreementSentences.map((a, i) => ({
        id: `${id}-agreement-${i}`,
        name: a.name,
        parties: [role(a.c1.id, a.sentence, a.c1.name), role(a.c2.id, a.sentence, a.c2.name, a.c1.name.length)],
        signatories: [role(a.signer.id, a.sentence, a.signer.name)],
        event: `${id}-event-${i}`,
        provisions: a.provisions.map((summary, j) => ({
          id: `${id}-agreement-${i}-provision-${j}`,
          summary,
          status: 'PROVIDED',
          evidence: [ev(a.sentence, summary)],
        })),
        evidence: [whole(a.sentence)],
      })),
    );
    write(
      'accusations.json',
      accusationSentences.map((a, i) => ({
        id: `${id}-accusation-${i}`,
        act: a.act,
        accusers: [role(a.accuser.id, a.sentence, a.accuser.name)],
        accused: [role(a.accused.id, a.sentence, a.accused.name)],
        items: [role(a.item.id, a.sentence, a.item.name)],
        beneficiaries: [role(a.beneficiary.id, a.sentence, a.beneficiary.name, a.sentence.indexOf(a.act))],
        responses: [{ ref: a.accused.id, stance: a.stance, evidence: [ev(a.sentence, STANCE_WORDS[a.stance])] }],
        evidence: [whole(a.sentence)],
      })),
    );
    write(
      'quotes.json',
      quoteSentences.map((q) => ({
        id: `${id}-quote-${q.i}`,
        speaker: role(q.speaker.id, q.sentence, q.speaker.name),
        words: { exact: q.quoted },
        form: q.i % 3 === 0 ? 'FULL_SENTENCE' : 'FRAGMENT',
        channel: { kind: CHANNELS[q.i % CHANNELS.length] },
        about: [role(q.about.id, q.sentence, q.about.name, q.sentence.indexOf(' about '))],
        evidence: [whole(q.sentence)],
      })),
    );
    entities.people.push(...p.map(({ id: pid, name }) => ({ id: pid, name })));
    entities.organizations.push(...o.map(({ id: oid, name }) => ({ id: oid, name })));
    entities.places.push(...l.map(({ id: lid, name }) => ({ id: lid, name })));

    const provisions = agreementSentences.reduce((sum, a) => sum + a.provisions.length, 0);
    return 1 + named.length + mentionSentences.length + events.length + agreementSentences.length + provisions + 2 + 12;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outDir, multiple = '1', seed = '1'] = process.argv.slice(2);
  if (!outDir) throw new Error('usage: generate-corpus.ts <out-dir> <multiple> [seed]');
  const started = performance.now();
  const { records, articles } = generateCorpus(outDir, Number(multiple), Number(seed));
  console.log(`${articles} articles, ${records} records in ${outDir} (${Math.round(performance.now() - started)} ms)`);
}
