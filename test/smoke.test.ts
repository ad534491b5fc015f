import { describe, expect, it } from 'vitest';
import { client } from './helpers.ts';

describe('server', () => {
  it('answers a query through yoga.fetch', async () => {
    const result = await client().run('{ people { totalCount } }');
    expect(result).toEqual({ data: { people: { totalCount: 7 } } });
  });
});
