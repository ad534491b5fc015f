import { type GraphQLNamedType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

/** Types that GraphQL, Federation and the link spec define, not claimgraph. */
const foreign = (name: string) => name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__');

describe('the schema', () => {
  it('describes every type and every field: the printed SDL is the documentation', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
      if (foreign(type.name) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!foreign(field.name) && !field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
