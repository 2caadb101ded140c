import type { ArticleSummary } from '../common/types.js';

/**
 * Characters a terminal may act on instead of showing (escape sequences, bell, backspace, carriage
 * return, C1 controls such as CSI and OSC): archive text is untrusted, and a title must never retitle
 * the window, clear the screen or rewrite earlier lines. Tab and line feed are kept.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␛ for ESC, ␇ for BEL…
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/** Text safe to write to a terminal: control characters shown as symbols, never sent raw. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, picture);
}

/** Text on one line: also tabs and line breaks become spaces. */
export function oneLine(text: string): string {
  return terminalSafe(text).replace(/[\t\n]/g, ' ');
}

/** JSON with the characters JSON.stringify leaves raw but a terminal may act on (DEL, C1) escaped too. */
export function terminalSafeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${terminalSafeJson(value, 2)}\n`);
}

/** Prints a line, with any control character in it made visible. */
export function printLine(line = ''): void {
  process.stdout.write(`${terminalSafe(line)}\n`);
}

/** Prints a line the caller built from terminalSafe() parts plus its own formatting codes. */
export function printFormattedLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Two lines about an article; `title` may be given already made safe (and marked up) by the caller. */
export function formatSummary(a: ArticleSummary, title: string = oneLine(a.title)): string {
  const date = a.publishedAt ? oneLine(a.publishedAt).replace('T', ' ') : 'no date';
  const reads = a.readCount === null ? '' : ` · ${a.readCount} reads`;
  const author = a.author ? ` · ${oneLine(a.author)}` : '';
  const edited = a.versionCount > 1 ? ` · edited: ${a.versionCount} versions` : '';
  return `#${a.id}  ${title}\n      ${oneLine(a.site)}${a.section ? ` › ${oneLine(a.section)}` : ''} · ${date}${reads}${author}${edited}`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
