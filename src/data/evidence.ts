import type { EvidenceFile } from './files.ts';

/** A sentence of an article, found with the platform's Unicode sentence segmenter. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Evidence located in its article: offsets are UTF-16 code units into the article text. */
export interface Evidence {
  article: string;
  exact: string;
  prefix: string | null;
  suffix: string | null;
  start: number;
  end: number;
  sentence: Sentence;
}

/** An article's text with what is needed to place evidence in it, computed once per article. */
export class ArticleText {
  readonly sentences: Sentence[];

  constructor(
    readonly article: string,
    readonly text: string,
  ) {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    this.sentences = [];
    for (const { segment, index } of segmenter.segment(text)) {
      const trimmed = segment.trim();
      if (trimmed === '') continue;
      const start = index + segment.indexOf(trimmed);
      this.sentences.push({ index: this.sentences.length, start, end: start + trimmed.length, text: trimmed });
    }
  }

  /**
   * Finds the one place the evidence stands. Returns the located evidence, or a sentence saying
   * why it cannot be placed: not in the text, or in more than one place.
   */
  locate(evidence: EvidenceFile): Evidence | string {
    const { exact, prefix, suffix } = evidence;
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
    const [start, ...others] = matching;
    if (start === undefined || others.length > 0) {
      return (
        `${JSON.stringify(exact)} is ambiguous: it occurs ${matching.length} times${context} ` +
        `(at offsets ${matching.join(', ')}); add a prefix or suffix that picks one`
      );
    }
    const end = start + exact.length;
    return {
      article: this.article,
      exact,
      prefix: prefix ?? null,
      suffix: suffix ?? null,
      start,
      end,
      sentence: this.sentenceAt(start),
    };
  }

  private sentenceAt(offset: number): Sentence {
    // Sentences are sorted and few; a binary search keeps this cheap for long articles.
    let low = 0;
    let high = this.sentences.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.sentences[mid]?.start ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const sentence = this.sentences[low];
    if (!sentence) throw new Error(`article ${this.article} has no sentences`);
    return sentence;
  }
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
