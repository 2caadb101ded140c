#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into out/electron-native/better_sqlite3.node, working in a
// temporary copy of the package so that node_modules/better-sqlite3 (the Node build used by the CLI
// and the tests) is never touched. Needs the network once (prebuilt binary or Electron headers).
//
//   node resources/packaging/build-electron-native.mjs [--arch x64|arm64] [--electron 45.5.0]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { arch: { type: 'string' }, electron: { type: 'string' } } });
const electronVersion = values.electron ?? require(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const arch = values.arch ?? process.arch;
const source = path.join(root, 'node_modules', 'better-sqlite3');
const outDir = path.join(root, 'out', 'electron-native');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-electron-native-'));
const copy = path.join(work, 'better-sqlite3');

const run = (command, args) => execFileSync(command, args, { cwd: copy, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_arch: arch } });
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

try {
  fs.cpSync(source, copy, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) });
  console.log(`better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch})…`);
  try {
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', process.platform, '--verbose']);
  } catch {
    console.log('No prebuilt binary; compiling against the Electron headers…');
    try {
      run(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers']);
    } catch {
      throw new Error('could neither download a prebuilt better-sqlite3 for Electron nor fetch the Electron headers to compile one (is the network reachable?)');
    }
  }
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`no ${built} was produced`);
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, path.join(outDir, 'better_sqlite3.node'));
  fs.writeFileSync(path.join(outDir, 'BUILT-FOR.txt'), `electron ${electronVersion} ${process.platform}-${arch}\n`);
  console.log(`→ ${path.relative(root, path.join(outDir, 'better_sqlite3.node'))}`);
} catch (error) {
  console.error(`build-electron-native: ${error.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
