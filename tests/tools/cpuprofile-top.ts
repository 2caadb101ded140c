/**
 * Summarises V8 .cpuprofile files (node --cpu-prof, or the inspector's Profiler domain): the functions
 * with the most self time, and self time by file.
 *
 *   npx tsx tests/tools/cpuprofile-top.ts FILE.cpuprofile... [--top N] [--files]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  file: string;
  ms: number;
  percent: number;
}

function shortFile(url: string): string {
  if (!url) return '(native)';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const nodeModules = file.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return file.slice(nodeModules + 'node_modules/'.length);
  const repo = file.indexOf('/src-main/');
  return repo >= 0 ? file.slice(repo + 1) : path.basename(file);
}

/** Self time per sample: the time until the next sample (timeDeltas[i + 1]), as Chrome DevTools counts it. */
/** Self time per function and per file, as a share of the busy time (idle samples are counted apart). */
export function selfTimes(profile: Profile): { total: number; idle: number; byFunction: SelfTime[]; byFile: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + ms);
  }
  let idle = 0;
  for (const [id, ms] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') {
      idle += ms;
      self.delete(id);
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, SelfTime>();
  const files = new Map<string, SelfTime>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = shortFile(frame.url);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}\u0000${file}:${frame.lineNumber + 1}`;
    const f = functions.get(key) ?? { name, file: `${file}:${frame.lineNumber + 1}`, ms: 0, percent: 0 };
    f.ms += ms;
    functions.set(key, f);
    const g = files.get(file) ?? { name: file, file, ms: 0, percent: 0 };
    g.ms += ms;
    files.set(file, g);
  }
  const ranked = (m: Map<string, SelfTime>) =>
    [...m.values()].map((e) => ({ ...e, percent: total ? (100 * e.ms) / total : 0 })).sort((a, b) => b.ms - a.ms);
  return { total, idle, byFunction: ranked(functions), byFile: ranked(files) };
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' }, files: { type: 'boolean', default: false } }, allowPositionals: true });
  const top = Number(values.top);
  for (const file of positionals) {
    const { total, idle, byFunction, byFile } = selfTimes(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile);
    process.stdout.write(`\n${path.basename(file)} — ${(total / 1000).toFixed(2)} s busy, ${(idle / 1000).toFixed(2)} s idle\n`);
    const rows = values.files ? byFile : byFunction;
    for (const r of rows.slice(0, top)) {
      process.stdout.write(`${r.percent.toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}${values.files ? '' : `  ${r.file}`}\n`);
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();
