// Runs a TypeScript worker entry from sources (tests, the CLI under tsx). Node 20 does not apply
// `--import tsx` loader hooks inside worker threads, but tsx's tsImport works there.
// Usage: new Worker(thisFile, { argv: [entryFileUrl] }). Never part of the bundled app.
import { tsImport } from 'tsx/esm/api';

const entry = process.argv[2];
if (!entry) throw new Error('ts-worker-bootstrap: no entry given');
await tsImport(entry, import.meta.url);
