/**
 * The schema: every type file, imported for its side effects, then the one `toSchema()` call.
 */
import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './accusation.ts';
import './agreement.ts';
import './article.ts';
import './claim.ts';
import './country.ts';
import './entity.ts';
import './event.ts';
import './evidence.ts';
import './item.ts';
import './organization.ts';
import './person.ts';
import './place.ts';
import './quote.ts';
import './roles.ts';
import './search.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
