/**
 * README.md and docs/*.md show what the repository does. Every operation they show is followed
 * by its answer, and runs through the server in-process to give exactly that answer (the parts
 * of a multipart answer for @defer and @stream); every operation of examples/operations/ is
 * shown; a code block that names a file (```ts examples/cache.ts) quotes it verbatim, and every
 * TypeScript block names one; every relative link and every repository path they name leads
 * somewhere; README.md stays short and links every doc.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answered, blocks, docs, examples, root } from '../docs.ts';
import { articleCorpus, client } from '../helpers.ts';

const api = client(articleCorpus());

/** The text of a doc without its code: fenced blocks and inline code spans. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchors for the headings of a Markdown text. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of text.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = (heading ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** An answer as the server sends it: one JSON body, or the JSON parts of a multipart answer. */
async function answer(operation: string): Promise<unknown> {
  if (!/@(defer|stream)\b/.test(operation)) return api.run(operation);
  const response = await api.yoga.fetch('http://claimgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
    body: JSON.stringify({ query: operation }),
  });
  expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
  return (await response.text())
    .split('\r\n---')
    .map((part) => part.slice(part.indexOf('\r\n\r\n') + 4).trim())
    .filter((part) => part.startsWith('{'))
    .map((part) => JSON.parse(part));
}

describe('README.md and docs/*.md', () => {
  it('README.md has at most 250 lines', () => {
    const readme = docs.find((doc) => doc.path === 'README.md')?.text ?? '';
    expect(readme.split('\n').length - 1).toBeLessThanOrEqual(250);
  });

  it('README.md links every doc of docs/', () => {
    const readme = docs.find((doc) => doc.path === 'README.md')?.text ?? '';
    for (const { path } of docs.filter((doc) => doc.path !== 'README.md')) {
      expect(readme, `README.md does not link ${path}`).toContain(`](${path})`);
    }
  });

  it('show every operation of examples/operations/, verbatim', () => {
    const dir = join(root, 'examples/operations');
    const files = readdirSync(dir).filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const shown = examples.map((example) => example.block.body);
    for (const name of files) {
      expect(shown, `no doc shows examples/operations/${name}`).toContain(readFileSync(join(dir, name), 'utf8'));
    }
  });

  it('follow every operation with its answer', () => {
    const unanswered = examples.filter((example) => example.answer === undefined);
    expect(unanswered.map(({ block }) => `${block.doc}:${block.start}`)).toEqual([]);
  });

  it.each(
    answered.map((example) => [`${example.block.doc}:${example.block.start}`, example.block.body, example.answer]),
  )('print the real answer to the operation at %s', async (_where, operation, expected) => {
    expect(await answer(operation)).toEqual(JSON.parse(expected));
  });

  it('quote verbatim the file a code block names, and name one for every TypeScript block', () => {
    const wrong: string[] = [];
    for (const block of blocks) {
      const where = `${block.doc}:${block.start}`;
      if (block.file === undefined) {
        if (['ts', 'typescript'].includes(block.lang)) wrong.push(`${where}: a TypeScript block names no file`);
      } else if (!existsSync(join(root, block.file))) {
        wrong.push(`${where}: ${block.file} does not exist`);
      } else if (!readFileSync(join(root, block.file), 'utf8').includes(block.body)) {
        wrong.push(`${where}: not a verbatim excerpt of ${block.file}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const { path, text } of docs) {
      for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (target === undefined || /^[a-z][a-z+.-]*:/i.test(target)) continue;
        const [file = '', anchor] = target.split('#');
        const resolved = file === '' ? path : relative(root, join(root, dirname(path), file));
        if (!existsSync(join(root, resolved))) broken.push(`${path}: ${target} (no such file)`);
        else if (anchor !== undefined) {
          if (!resolved.endsWith('.md')) broken.push(`${path}: ${target} (an anchor into a file that is not Markdown)`);
          else if (!anchorsOf(readFileSync(join(root, resolved), 'utf8')).has(anchor)) {
            broken.push(`${path}: ${target} (no such heading)`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('name only repository paths that exist', () => {
    const missing: string[] = [];
    for (const { path, text } of docs) {
      const code = text.replace(/^```[\s\S]*?^```$/gm, '');
      for (const [, span] of code.matchAll(/`([^`\n]+)`/g)) {
        if (span === undefined || !/^(src|test|bench|scripts|examples|data|docs|\.ci)(\/[\w.@+-]+)*\/?$/.test(span)) {
          continue;
        }
        if (!existsSync(join(root, span))) missing.push(`${path}: ${span}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
