/**
 * Imports the given paths into a new archive in this (child) process and prints one JSON line: the
 * report's counts and rejections, and the process's peak resident memory (`resourceUsage().maxRSS`,
 * worker threads included).
 */
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';

const [archivePath, ...paths] = process.argv.slice(2);
const archive = openArchive(archivePath!, { create: true });
try {
  const report = await runImport(archive, paths);
  const { rejections, ...counts } = report;
  process.stdout.write(`${JSON.stringify({ counts, rejections: rejections.slice(0, 5), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} finally {
  archive.close();
}
