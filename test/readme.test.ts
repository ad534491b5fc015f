/**
 * README's example operations are the files in examples/operations/, and the answers printed
 * under them are what the server answers today.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { client } from './helpers.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const operationsDir = new URL('../examples/operations/', import.meta.url);
const api = client();

/** Each ```graphql block of README with the ```json block that follows it. */
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g)].map((match) => ({
  operation: match[1] ?? '',
  answer: JSON.parse(match[2] ?? 'null'),
}));

describe('README', () => {
  it('shows every operation of examples/operations/', () => {
    const files = readdirSync(operationsDir).filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const name of files) {
      expect(examples.map((e) => e.operation)).toContain(readFileSync(new URL(name, operationsDir), 'utf8'));
    }
  });

  it.each(examples.map((example) => [example.operation.split('\n')[0], example] as const))(
    'prints the real answer to %s',
    async (_title, { operation, answer }) => {
      expect(await api.run(operation)).toEqual(answer);
    },
  );
});
