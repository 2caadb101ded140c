/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks as CommonJS */
// electron-builder `beforePack` hook: refuses to package without better-sqlite3 built for Electron
// (out/electron-native/better_sqlite3.node, made by build-electron-native.mjs). electron-builder runs
// no rebuild of node_modules (npmRebuild: false), so the Node build there stays as it is.
const fs = require('node:fs');
const path = require('node:path');

exports.default = async function beforePack(context) {
  const binding = path.join(context.packager.projectDir, 'out', 'electron-native', 'better_sqlite3.node');
  if (!fs.existsSync(binding)) {
    throw new Error(
      `Missing ${binding}: run \`node resources/packaging/build-electron-native.mjs\` first ` +
        '(it builds better-sqlite3 for Electron into out/electron-native without touching node_modules).',
    );
  }
};
