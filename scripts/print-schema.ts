/** Writes schema.graphql from the code (`npm run schema`). A test fails when the file drifts. */
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/schema/sdl.ts';

writeFileSync(new URL('../schema.graphql', import.meta.url), printedSchema());
