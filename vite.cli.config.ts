/**
 * The `arshif` command as built JavaScript (out/cli/), apart from the app's electron-vite build:
 *  - it runs on plain Node ≥ 20.18 (npm link / npm install -g) as well as on the app's own binary under
 *    ELECTRON_RUN_AS_NODE, so it targets Node 20, not Electron's Node;
 *  - it is self-contained: every pure-JavaScript dependency is bundled, only the better-sqlite3 addon
 *    (a .node file) is loaded from outside — the Node build in node_modules, or the Electron build that
 *    the packaged app ships in resources/native/ (see src-main/cli/native-binding.ts). So the packaged
 *    app can carry out/cli as a plain folder, outside app.asar, with no node_modules beside it;
 *  - commands are loaded on demand (src-main/cli/main.ts), so `search` never loads the page parsers;
 *  - the worker entries sit beside the entry and every chunk, where spawnWorker looks for them.
 * Files are .mjs, so they are ES modules wherever they are copied, with no package.json around them.
 */
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

export const CLI_OUT_DIR = 'out/cli';

/**
 * The entry is the `bin` of package.json: executable, so a command linked to it (npm link) keeps
 * working after every rebuild (npm sets the mode only when it links).
 */
function executableEntry(): Plugin {
  return {
    name: 'arshif-executable-entry',
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'arshif') chmodSync(resolve(options.dir!, chunk.fileName), 0o755);
      }
    },
  };
}

export default defineConfig({
  // No public/ folder, no .env files: nothing but the sources goes into the bundle.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  plugins: [executableEntry()],
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(root, CLI_OUT_DIR),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        arshif: resolve(root, 'src-main/cli/main.ts'),
        'archive-worker': resolve(root, 'src-main/worker/archive-worker.ts'),
        'page-worker': resolve(root, 'src-main/core/importer/page-worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: '[name]-[hash].mjs',
      },
    },
  },
});
