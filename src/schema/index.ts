/**
 * The schema: every type file, imported for its side effects, then the one `toSubGraphSchema()`
 * call. The result is an Apollo Federation v2 subgraph (sorted), and a plain GraphQL schema too.
 */
import { builder } from '../builder.ts';
import './accusation.ts';
import './agreement.ts';
import './article.ts';
import './claim.ts';
import './country.ts';
import './entity.ts';
import './event.ts';
import './evidence.ts';
import { guardEntities } from './federation.ts';
import './item.ts';
import './mention.ts';
import './organization.ts';
import './person.ts';
import './place.ts';
import './quote.ts';
import './roles.ts';
import './search.ts';
import './sentence.ts';
import './statement.ts';

// The federation directives the schema uses, named: left out, the plugin finds them by building
// the whole schema once more, which took a tenth of start-up. subgraph.graphql's drift test and
// the gateway test fail if one is missing.
export const schema = guardEntities(builder.toSubGraphSchema({ federationDirectives: ['@key'] }));
