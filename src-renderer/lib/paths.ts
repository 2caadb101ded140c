/** Splits a text field of paths: one per line; quotes around a path (as file managers copy them) are dropped. */
export function parsePaths(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
    if (line) seen.add(line);
  }
  return [...seen];
}
