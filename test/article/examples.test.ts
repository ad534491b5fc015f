/**
 * The example clients (examples/*.ts), run as a user runs them, against a live server: each
 * prints the answers to the questions of docs/examples.md. Their typed documents are generated
 * from schema.graphql and must be current.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleCorpus } from '../helpers.ts';
import { type LiveServer, startClaimgraph } from '../live.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
let server: LiveServer;

beforeAll(async () => {
  server = await startClaimgraph({ corpus: articleCorpus() });
});
afterAll(() => server.close());

async function example(file: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file, server.url], { cwd: root });
  return stdout;
}

describe('example clients', () => {
  it('urql asks who accuses whom of supplying drones and what Pezeshkian said', async () => {
    expect(await example('examples/urql-client.ts')).toMatchInlineSnapshot(`
      "Who accuses whom of supplying drones? 1 accusation(s)
      - Iran, accused by the West of supplying explosive drones and short-range missiles to Russia, thus helping the Russian army in Ukraine
        items: explosive drones, short-range missiles
        to the benefit of: Russia, the Russian army
        said [2506..2657]: "Tehran, for its part, is accused by the West of supplying explosive drones and short-range missiles to Russia, thus helping the Russian army in Ukraine"
        Iran answers DENIED: [2659..2687] "Accusations rejected by Iran"
      What did Massoud Pezeshkian say? 4 quote(s)
      - "horizons" (FRAGMENT, UNSPECIFIED)
        words [1301..1309] of the article, in the sentence: Massoud Pezeshkian was satisfied with an agreement which will open “horizons” between the two countries.
      - "negotiations and peace" (FRAGMENT, PRESS_CONFERENCE, at: joint press conference)
        words [3539..3561] of the article, in the sentence: On Friday, Massoud Pezeshkian called during his joint press conference with Vladimir Putin for “negotiations and peace” between Moscow and kyiv, three years after the start of the assault launched by the Kremlin.
      - "political settlement" (FRAGMENT, TRANSLATION, at: joint press conference)
        words [3718..3738] of the article, in the sentence: A previous Russian translation of his remarks referred to a “political settlement” of this conflict.
      - "We hope that a permanent ceasefire will be established in Gaza and that the aggressions on this land will stop" (FULL_SENTENCE, UNSPECIFIED)
        words [3910..4020] of the article, in the sentence: “We hope that a permanent ceasefire will be established in Gaza and that the aggressions on this land will stop,” Massoud Pezeshkian said.
      "
    `);
    expect(server.executed.slice(-2)).toEqual(['DroneAccusations', 'PezeshkianQuotes']);
  });

  it('Apollo Client prints the same answers', async () => {
    const [urql, apollo] = await Promise.all([
      example('examples/urql-client.ts'),
      example('examples/apollo-client.ts'),
    ]);
    expect(apollo).toBe(urql);
  });

  it('examples/generated is generated from the current schema.graphql and operations', async () => {
    await expect(
      run(process.execPath, ['--import', 'tsx', 'scripts/codegen.ts', '--check'], { cwd: root }),
    ).resolves.toBeDefined();
  });
});
