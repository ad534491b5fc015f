/**
 * The files of the repository that the server reads, found from the repository's root. This
 * module lies one folder below the root, as the built dist/server.js does, into which the build
 * bundles it: its `import.meta.url` leads to the same root either way.
 */
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

/** The data directory shipped with the project (CLAIMGRAPH_DATA_DIR points elsewhere). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('data', root));

/** The operation GraphiQL opens with. */
export const DEFAULT_OPERATION_FILE = new URL('examples/operations/DroneAccusations.graphql', root);

/** The allow-list of trusted operations, generated from examples/ by scripts/trusted-operations.ts. */
export const TRUSTED_OPERATIONS_FILE = new URL('trusted-operations.json', root);

/**
 * The search index's worker, as `npm run build` bundles it. Node 20 applies no loader hooks to
 * worker threads, so the worker is the built one even when the server runs from source (tests,
 * scripts under tsx); vitest's global setup builds it.
 */
export const SEARCH_WORKER = new URL('dist/search-worker.js', root);
