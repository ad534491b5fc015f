import type { EvidenceFile } from './files.ts';

/** A sentence of an article, found with the platform's Unicode sentence segmenter. */
export interface Sentence {
  kind: 'Sentence';
  /** The id of its article. */
  article: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

/** The length of the k-grams by which an article's text is indexed to place evidence. */
const GRAM = 4;

/**
 * Positions of each k-gram of a text, by hash: chains through `next`, and their lengths. A table
 * of `heads.length` slots (a power of two) indexes a text of up to that many characters.
 */
interface Grams {
  /** How far a 32-bit hash is shifted right to give a slot. */
  hashShift: number;
  heads: Int32Array;
  next: Int32Array;
  counts: Int32Array;
}

/**
 * The tables of the last article whose evidence was all placed, for the next one of the same size
 * to fill again: the loader places one article's evidence after another, and allocating three
 * tables for each article of a large corpus cost more than filling them.
 */
let spare: Grams | undefined;

/**
 * An article's text, with what is needed to place evidence in it. Sentences are found on first
 * use and kept: the loader does not need them, and most articles' sentences are never asked for.
 *
 * The text is kept as its UTF-8 bytes once its evidence is placed: a news article's curly quotes
 * and dashes make V8 hold the whole string in two bytes a character, twice its UTF-8 size. It is
 * decoded when asked for, and the last few decoded are kept.
 */
export class ArticleText {
  private segmented: Sentence[] | undefined;
  /** Positions of the text's k-grams, by hash, while evidence is being placed; see `index()`. */
  private grams: Grams | undefined;
  /** The text as a string while evidence is being placed; see `placed()`. */
  private placing: string | undefined;
  private readonly bytes: Uint8Array;
  /** The text's length in UTF-16 code units. */
  readonly length: number;

  /** `bytes` are the text's UTF-8 bytes, when the caller has them already. */
  constructor(
    readonly article: string,
    text: string,
    bytes: Buffer = Buffer.from(text, 'utf8'),
  ) {
    this.placing = text;
    // A small file's bytes are a slice of an 8 KB pool that Node shares among buffers: kept, they
    // would keep it all. A copy has a buffer of its own.
    this.bytes = bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    this.length = text.length;
  }

  get text(): string {
    return this.placing ?? decode(this, this.bytes);
  }

  get sentences(): readonly Sentence[] {
    this.segmented ??= segment(this.article, this.text);
    return this.segmented;
  }

  /**
   * Where `name` stands in the text as a whole word or phrase, in text order: the characters just
   * before and after it are not letters, digits or combining marks. The name matches as written,
   * except for the case of its first letter ("the West" matches "The West" at the start of a
   * sentence, "Kyiv" matches "kyiv").
   */
  occurrences(name: string): number[] {
    const text = this.text;
    const first = name.charAt(0);
    const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
    const variants = swapped === first ? [name] : [name, swapped + name.slice(1)];
    const found: number[] = [];
    for (const variant of variants) {
      for (let at = text.indexOf(variant); at !== -1; at = text.indexOf(variant, at + 1)) {
        if (!isWordCharacter(text.charAt(at - 1)) && !isWordCharacter(text.charAt(at + variant.length))) {
          found.push(at);
        }
      }
    }
    return variants.length > 1 ? found.sort((a, b) => a - b) : found;
  }

  /**
   * Finds the one place the evidence stands. Returns the located evidence, or a sentence saying
   * why it cannot be placed: not in the text, or in more than one place.
   */
  locate(evidence: EvidenceFile): Evidence | string {
    const { exact, prefix, suffix } = evidence;
    const before = prefix?.length ?? 0;
    // An occurrence of `exact` matches when the prefix ends where it starts and the suffix starts
    // where it ends: exactly where prefix + exact + suffix occurs, shifted by the prefix.
    const needle = before > 0 || suffix ? `${prefix ?? ''}${exact}${suffix ?? ''}` : exact;
    const start = exact.length < GRAM ? this.scan(needle) : this.lookUp(needle, before, exact);
    if (start >= 0) {
      return Evidence.at(this, start + before, start + before + exact.length, prefix?.length, suffix?.length);
    }
    return this.explain(evidence);
  }

  /** Drops what placing evidence needed; called once the article's evidence is all placed. */
  placed(): void {
    if (this.grams) spare = this.grams;
    this.grams = undefined;
    this.placing = undefined;
  }

  /** The sentence that holds the character at `offset`. */
  sentenceAt(offset: number): Sentence {
    const sentences = this.sentences;
    // Sentences are sorted; a binary search keeps this cheap for long articles.
    let low = 0;
    let high = sentences.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((sentences[mid]?.start ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const sentence = sentences[low];
    if (!sentence) throw new Error(`article ${this.article} has no sentences`);
    return sentence;
  }

  /**
   * The indexes of the first and last sentences that the span [start, end) overlaps; first > last
   * when it overlaps none (it lies in the white space between two).
   */
  sentenceRange(start: number, end: number): [number, number] {
    const first = this.sentenceAt(start);
    const last = this.sentenceAt(Math.max(start, end - 1));
    return [first.end <= start ? first.index + 1 : first.index, last.index];
  }

  /** Where `needle` occurs, if it occurs exactly once; -1 otherwise. */
  private scan(needle: string): number {
    const first = this.text.indexOf(needle);
    return first >= 0 && this.text.indexOf(needle, first + 1) === -1 ? first : -1;
  }

  /**
   * Like `scan`, through the k-gram index: `exact` stands at `before` in the needle, and only
   * the positions where the rarest of a few of its k-grams occurs are tried.
   */
  private lookUp(needle: string, before: number, exact: string): number {
    const { hashShift, heads, next, counts } = this.index();
    // The first, middle and last k-grams of the words: the one with the shortest chain.
    let offset = 0;
    let slot = hash(gram(exact, 0)) >>> hashShift;
    const last = exact.length - GRAM;
    const middle = last >> 1;
    const atMiddle = hash(gram(exact, middle)) >>> hashShift;
    if ((counts[atMiddle] ?? 0) < (counts[slot] ?? 0)) {
      offset = middle;
      slot = atMiddle;
    }
    const atLast = hash(gram(exact, last)) >>> hashShift;
    if ((counts[atLast] ?? 0) < (counts[slot] ?? 0)) {
      offset = last;
      slot = atLast;
    }
    const shift = before + offset;
    let found = -1;
    // A chain runs from the text's last position to its first.
    for (let at = heads[slot] ?? -1; at >= shift; at = next[at] ?? -1) {
      if (!this.text.startsWith(needle, at - shift)) continue;
      if (found !== -1) return -1;
      found = at - shift;
    }
    return found;
  }

  /** Every k-gram's positions, hashed: chains through `next`, each from its last position. */
  private index(): Grams {
    if (this.grams) return this.grams;
    const text = this.text;
    const grams = emptyGrams(text.length);
    const { hashShift, heads, next, counts } = grams;
    // The k-gram ending at each position is rolled in one character at a time.
    let window = text.length >= GRAM ? gram(text, 0) >>> 8 : 0;
    for (let at = 0; at + GRAM <= text.length; at++) {
      window = (window << 8) | (text.charCodeAt(at + GRAM - 1) & 0xff);
      const slot = hash(window) >>> hashShift;
      next[at] = heads[slot] ?? -1;
      heads[slot] = at;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    this.grams = grams;
    return grams;
  }

  /** Why the evidence cannot be placed; the slow path, taken only for bad data. */
  private explain({ exact, prefix, suffix }: EvidenceFile): string {
    const all = occurrences(this.text, exact);
    if (all.length === 0) return `${JSON.stringify(exact)} is not in the article text verbatim`;
    const matching = all.filter(
      (start) =>
        (prefix === undefined || this.text.slice(start - prefix.length, start) === prefix) &&
        (suffix === undefined || this.text.startsWith(suffix, start + exact.length)),
    );
    const context = prefix !== undefined || suffix !== undefined ? ' with the given prefix/suffix' : '';
    if (matching.length === 0) {
      return `${JSON.stringify(exact)} occurs ${all.length} time(s), but none${context} matches`;
    }
    if (matching.length === 1)
      throw new Error(`${JSON.stringify(exact)} stands once in ${this.article} but was not found`);
    return (
      `${JSON.stringify(exact)} is ambiguous: it occurs ${matching.length} times${context} ` +
      `(at offsets ${matching.join(', ')}); add a prefix or suffix that picks one`
    );
  }
}

/**
 * Evidence located in its article: offsets are UTF-16 code units into the article text. It keeps
 * only offsets: the words, the prefix and the suffix are verified to be the text at those offsets,
 * so they are sliced from the text when asked for, and the sentence is found on first use. Most
 * evidence has no prefix or suffix (the data gives them only to pick one of several occurrences):
 * it is this class, two fields smaller than `PickedEvidence`, on each of millions.
 */
export class Evidence {
  constructor(
    protected readonly source: ArticleText,
    readonly start: number,
    readonly end: number,
  ) {}

  /** Evidence with the prefix and suffix the data gives (each a length, undefined for none). */
  static at(
    source: ArticleText,
    start: number,
    end: number,
    prefixLength: number | undefined,
    suffixLength: number | undefined,
  ): Evidence {
    return prefixLength === undefined && suffixLength === undefined
      ? new Evidence(source, start, end)
      : new PickedEvidence(source, start, end, prefixLength ?? -1, suffixLength ?? -1);
  }

  /** The id of the article whose text holds the words. */
  get article(): string {
    return this.source.article;
  }

  get exact(): string {
    return this.source.text.slice(this.start, this.end);
  }

  /** The text just before `exact` that the data gives to pick this occurrence, or null. */
  get prefix(): string | null {
    return null;
  }

  /** The text just after `exact` that the data gives to pick this occurrence, or null. */
  get suffix(): string | null {
    return null;
  }

  get sentence(): Sentence {
    return this.source.sentenceAt(this.start);
  }
}

/** Evidence that the data picks out with a prefix, a suffix or both; -1 stands for none. */
class PickedEvidence extends Evidence {
  constructor(
    source: ArticleText,
    start: number,
    end: number,
    private readonly prefixLength: number,
    private readonly suffixLength: number,
  ) {
    super(source, start, end);
  }

  override get prefix(): string | null {
    return this.prefixLength < 0 ? null : this.source.text.slice(this.start - this.prefixLength, this.start);
  }

  override get suffix(): string | null {
    return this.suffixLength < 0 ? null : this.source.text.slice(this.end, this.end + this.suffixLength);
  }
}

/** Texts decoded lately, the latest last: a request reads a few articles' words many times over. */
const decoded = new Map<ArticleText, string>();
const DECODED = 64;
/**
 * The latest of them, read without touching the Map: a response reads one article's words
 * evidence after evidence, and moving it to the end of the Map each time showed in a
 * traversal's CPU profile under load.
 */
let latest: ArticleText | undefined;
let latestText = '';

function decode(article: ArticleText, bytes: Uint8Array): string {
  if (article === latest) return latestText;
  let text = decoded.get(article);
  if (text === undefined) text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  else decoded.delete(article);
  decoded.set(article, text);
  if (decoded.size > DECODED) decoded.delete(decoded.keys().next().value as ArticleText);
  latest = article;
  latestText = text;
  return text;
}

const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether a character (one UTF-16 code unit; '' past either end) belongs to a word. */
function isWordCharacter(character: string): boolean {
  return character !== '' && WORD_CHARACTER.test(character);
}

/** The sentences of an article's text, as `ArticleText.sentences` gives them. */
export function segment(article: string, text: string): Sentence[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const trimmed = segment.trim();
    if (trimmed === '') continue;
    const start = index + segment.indexOf(trimmed);
    sentences.push({
      kind: 'Sentence',
      article,
      index: sentences.length,
      start,
      end: start + trimmed.length,
      text: trimmed,
    });
  }
  return sentences;
}

/** Empty tables to index a text of `length` characters: the spare ones if they fit. */
function emptyGrams(length: number): Grams {
  let size = 64;
  let hashShift = 32 - 6;
  while (size < length) {
    size <<= 1;
    hashShift--;
  }
  const reused = spare?.heads.length === size ? spare : undefined;
  // Taken, so that an article indexed while this one is being placed gets tables of its own.
  if (reused) spare = undefined;
  const grams = reused ?? {
    hashShift,
    heads: new Int32Array(size),
    next: new Int32Array(size),
    counts: new Int32Array(size),
  };
  grams.heads.fill(-1);
  if (reused) grams.counts.fill(0);
  return grams;
}

/**
 * The k-gram of `text` at `at` as 32 bits: the low byte of each of its UTF-16 code units. Two
 * k-grams that differ only in high bytes share a chain; every position on it is checked anyway.
 */
function gram(text: string, at: number): number {
  let window = 0;
  for (let i = at; i < at + GRAM; i++) window = (window << 8) | (text.charCodeAt(i) & 0xff);
  return window;
}

/** Spreads a k-gram over 32 bits (Fibonacci hashing): its top bits are the slot. */
function hash(gram: number): number {
  return Math.imul(gram, 0x9e3779b1) >>> 0;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
