/**
 * The `arshif` command as built and as packaged, checked without Electron: package.json's bin and
 * build, the CLI build config, electron-builder's config (the CLI and its launcher in the packages,
 * /usr/bin/arshif in the deb), the launchers themselves, and the fuse that lets them run the app's
 * binary as Node. The launchers are run for real in tests/integration/cli-command.test.ts; the packaged
 * app itself cannot be built here (no Electron binary), see tests/e2e/electron.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cliConfig, { CLI_OUT_DIR } from '../../vite.cli.config.js';
import { NATIVE_BINDING_ENV } from '../../src-main/cli/native-binding.js';
import { repoRoot } from '../helpers/tmp.js';

interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}

interface BuilderConfig {
  productName: string;
  files: Array<string | { filter?: string[] }>;
  extraResources: FileSet[];
  afterPack: string;
  linux: { executableName: string; extraResources: FileSet[] };
  mac: { extraResources: FileSet[] };
  win: { extraResources: FileSet[] };
  deb: { afterInstall: string; afterRemove: string };
}

const read = (...parts: string[]) => fs.readFileSync(path.join(repoRoot, ...parts), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { bin: Record<string, string>; scripts: Record<string, string> };
const launcherDir = path.join(repoRoot, 'resources', 'packaging', 'cli');
const templatesOfElectronBuilder = path.join(repoRoot, 'node_modules', 'app-builder-lib', 'templates', 'linux');

/** Names of the worker entries that src-main starts with spawnWorker(import.meta.url, NAME). */
function spawnedWorkers(): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(path.join(repoRoot, 'src-main'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    for (const m of read('src-main', file).matchAll(/spawnWorker\(import\.meta\.url, '([\w-]+)'/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

describe('the built command (npm link, npm install -g, npx)', () => {
  it('is package.json\'s bin, built by npm run build', () => {
    expect(packageJson.bin).toEqual({ arshif: `${CLI_OUT_DIR}/arshif.mjs` });
    expect(packageJson.scripts.build).toMatch(/electron-vite build && npm run build:cli/);
    expect(packageJson.scripts['build:cli']).toBe('vite build -c vite.cli.config.ts');
    expect(packageJson.scripts.arshif).toBe('tsx src-main/cli/main.ts');
    expect(read('src-main', 'cli', 'main.ts').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('is one self-contained ES-module bundle for Node 20, with every worker entry beside every chunk', () => {
    const build = cliConfig.build!;
    const options = build.rolldownOptions!;
    const output = options.output as { format: string; entryFileNames: string; chunkFileNames: string };
    expect(path.relative(repoRoot, build.outDir!)).toBe(CLI_OUT_DIR);
    expect(build.target).toBe('node20');
    expect(cliConfig.ssr?.noExternal).toBe(true); // all JavaScript bundled: only the .node addon comes from outside
    expect(output).toMatchObject({ format: 'es', entryFileNames: '[name].mjs' });
    expect(output.chunkFileNames).not.toContain('/'); // spawnWorker looks for ./<name>.mjs beside the calling chunk
    const input = options.input as Record<string, string>;
    expect(path.relative(repoRoot, input.arshif!)).toBe(path.join('src-main', 'cli', 'main.ts'));
    expect(spawnedWorkers().length).toBeGreaterThan(0);
    for (const name of spawnedWorkers()) expect(Object.keys(input), name).toContain(name);
    expect(Object.keys(input).sort()).toEqual(['arshif', ...spawnedWorkers()].sort());
  });
});

// electron-builder.yml as electron-builder itself reads it, after checking it against its schema.
let builder: BuilderConfig;
beforeAll(async () => {
  const config = await getConfig(repoRoot, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  builder = config as unknown as BuilderConfig;
});

describe('the command inside the packaged app (electron-builder.yml)', () => {
  const resourcesFrom = (sets: FileSet[], from: string) => sets.filter((s) => s.from === from);

  it('ships the bundle as a plain folder (resources/cli), outside app.asar, beside the Electron build of better-sqlite3', () => {
    const appFiles = builder.files.flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(appFiles).toContain(`!${CLI_OUT_DIR}/**`);
    expect(resourcesFrom(builder.extraResources, CLI_OUT_DIR)).toEqual([{ from: CLI_OUT_DIR, to: 'cli', filter: ['*.mjs'] }]);
    expect(resourcesFrom(builder.extraResources, 'out/electron-native')).toEqual([{ from: 'out/electron-native', to: 'native', filter: ['*.node'] }]);
  });

  it('ships the notices of third-party code ported into our source (the Readability port)', () => {
    expect(resourcesFrom(builder.extraResources, 'resources/licenses')).toEqual([{ from: 'resources/licenses', to: 'licenses', filter: ['*.txt'] }]);
    const notices = fs.readFileSync('resources/licenses/THIRD_PARTY_NOTICES.txt', 'utf8');
    expect(notices).toContain('src-main/core/pages/extract/readable.ts');
    expect(notices).toContain('Apache License, Version 2.0');
    expect(fs.readFileSync('src-main/core/pages/extract/readable.ts', 'utf8')).toContain('THIRD_PARTY_NOTICES.txt');
  });

  it('ships the launcher for each platform in resources/bin', () => {
    const launchers = { linux: 'arshif', mac: 'arshif', win: 'arshif.cmd' } as const;
    for (const [platform, file] of Object.entries(launchers) as Array<[keyof typeof launchers, string]>) {
      expect(builder[platform].extraResources, platform).toEqual([{ from: 'resources/packaging/cli', to: 'bin', filter: [file] }]);
      expect(fs.existsSync(path.join(launcherDir, file)), file).toBe(true);
    }
  });

  it("links /usr/bin/arshif to the launcher in the deb, with electron-builder's scripts otherwise unchanged", () => {
    const guiBinary = "'/opt/${sanitizedProductName}/${executable}'";
    const launcher = "'/opt/${sanitizedProductName}/resources/bin/arshif'";
    expect(builder.linux.executableName).toBe('arshif'); // so /usr/bin/${executable} is /usr/bin/arshif
    for (const [ours, theirs] of [
      [builder.deb.afterInstall, 'after-install.tpl'],
      [builder.deb.afterRemove, 'after-remove.tpl'],
    ] as const) {
      const defaults = fs.readFileSync(path.join(templatesOfElectronBuilder, theirs), 'utf8');
      expect(defaults, `electron-builder's ${theirs} changed: update ${ours}`).toContain(guiBinary);
      expect(read(ours), ours).toBe(defaults.replaceAll(guiBinary, launcher));
      // electron-builder replaces every ${name} in these templates and fails on an unknown name.
      const macros = new Set([...read(ours).matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
      expect([...macros].sort()).toEqual(['executable', 'sanitizedProductName']);
    }
  });
});

describe('the launchers (resources/packaging/cli)', () => {
  const unix = fs.readFileSync(path.join(launcherDir, 'arshif'), 'utf8');
  const windows = fs.readFileSync(path.join(launcherDir, 'arshif.cmd'), 'utf8');

  it('the POSIX one is an executable sh script without syntax errors', () => {
    expect(fs.statSync(path.join(launcherDir, 'arshif')).mode & 0o111).toBe(0o111);
    expect(unix.startsWith('#!/bin/sh\n')).toBe(true);
    execFileSync('sh', ['-n', path.join(launcherDir, 'arshif')]);
  });

  it("run the app's own binary as Node on resources/cli/arshif.mjs with resources/native's better-sqlite3", () => {
    expect(unix).toContain('export ELECTRON_RUN_AS_NODE=1');
    expect(unix).toContain(`export ${NATIVE_BINDING_ENV}="$resources/native/better_sqlite3.node"`);
    expect(unix).toContain(`$resources/../MacOS/${builder.productName}`);
    expect(unix).toContain(`$resources/../${builder.linux.executableName}`);
    expect(unix).toContain('exec "$app" "$resources/cli/arshif.mjs" "$@"');
    expect(windows).toContain('set ELECTRON_RUN_AS_NODE=1');
    expect(windows).toContain(`set "${NATIVE_BINDING_ENV}=%RESOURCES%\\native\\better_sqlite3.node"`);
    expect(windows).toContain(`"%RESOURCES%\\..\\${builder.productName}.exe" "%RESOURCES%\\cli\\arshif.mjs" %*`);
    expect(windows).toContain('exit /b %ERRORLEVEL%');
  });

  it('the Windows one has CRLF line endings', () => {
    expect(windows.split('\r\n').length).toBeGreaterThan(5);
    expect(windows.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

describe('the fuses flipped at packaging (after-pack.cjs)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-fuses-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keep ELECTRON_RUN_AS_NODE (the launcher needs it) and turn off NODE_OPTIONS and --inspect', async () => {
    const { FuseState, FuseV1Options, getCurrentFuseWire } = await import('@electron/fuses');
    // A stand-in for the Electron binary: the fuse wire (Electron's sentinel, version 1, 9 fuses) amid other bytes.
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const binary = path.join(dir, builder.linux.executableName);
    const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 9]), Buffer.alloc(9, FuseState.ENABLE)]);
    fs.writeFileSync(binary, Buffer.concat([Buffer.alloc(1000, 7), wire, Buffer.alloc(1000, 7)]));
    const hook = (await import(path.join(repoRoot, builder.afterPack))) as { default: (context: unknown) => Promise<void> };
    await hook.default({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: builder.productName }, executableName: builder.linux.executableName },
    });
    const fuses = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
  });
});
