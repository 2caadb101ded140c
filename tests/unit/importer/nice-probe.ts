// Worker entry of parse-priority.test.ts: runs at the nice value it is given, starts a parse pool,
// parses one page, and reports the nice value of every thread of the process.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { workerParser } from '../../../src-main/core/importer/parse-pool.js';

function threadNices(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19: nice
  });
}

const nice = (workerData as { nice: number }).nice;
if (nice > 0) os.setPriority(nice);
const parser = workerParser(1);
try {
  await parser.parse(Buffer.from('عنوان الخبر\nنص الخبر في سطر أول طويل بما يكفي ليكون فقرة.\n'), 'page.txt');
  parentPort?.postMessage(threadNices());
} finally {
  await parser.close();
}
