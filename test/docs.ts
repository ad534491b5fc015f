/**
 * The documents of the repository as the tests read them: README.md and docs/*.md, their fenced
 * code blocks, and each ```graphql block with the ```json answer right under it. test/article/docs.test.ts
 * runs those operations; test/cost.test.ts costs them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
/** README.md, then docs/*.md, by their path from the repository root. */
export const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort(),
]
  .map((name) => (name === 'README.md' ? name : `docs/${name}`))
  .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

export interface Block {
  doc: string;
  lang: string;
  /** The file the block is an excerpt of, when its fence names one: ```ts examples/cache.ts */
  file: string | undefined;
  body: string;
  /** Lines of the opening and closing fences, counted from 1. */
  start: number;
  end: number;
}

/** The fenced code blocks of a Markdown text. */
export function blocksOf(doc: string, text: string): Block[] {
  const blocks: Block[] = [];
  let open: { lang: string; file: string | undefined; start: number; lines: string[] } | undefined;
  for (const [index, line] of text.split('\n').entries()) {
    if (open === undefined) {
      const fence = /^```(\S*)(?: +(\S+))?\s*$/.exec(line);
      if (fence) open = { lang: fence[1] ?? '', file: fence[2], start: index + 1, lines: [] };
    } else if (line === '```') {
      const { lang, file, start, lines } = open;
      blocks.push({ doc, lang, file, body: `${lines.join('\n')}\n`, start, end: index + 1 });
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  if (open) throw new Error(`${doc}:${open.start}: a code block is never closed`);
  return blocks;
}

export const blocks = docs.flatMap(({ path, text }) => blocksOf(path, text));

/** Each ```graphql block with the ```json block right under it (only blank lines between). */
export const examples = blocks.flatMap((block, index) => {
  if (block.lang !== 'graphql') return [];
  const next = blocks[index + 1];
  const lines = docs.find((doc) => doc.path === block.doc)?.text.split('\n') ?? [];
  const adjacent =
    next?.doc === block.doc &&
    next.lang === 'json' &&
    lines.slice(block.end, next.start - 1).every((line) => line.trim() === '');
  return [{ block, answer: adjacent ? next.body : undefined }];
});

/** The examples that have an answer; those that have none fail 'follow every operation with its answer'. */
export const answered = examples.flatMap(({ block, answer }) => (answer === undefined ? [] : [{ block, answer }]));
