/**
 * Builds only the renderer (the same settings as the renderer part of electron.vite.config.ts), for
 * the browser tests when the Electron main/preload entries cannot be built on their own.
 *   npx vite build --config tests/e2e/ui/vite.renderer.config.ts
 */
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root: resolve(root, 'src-renderer'),
  base: './',
  plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
  },
});
