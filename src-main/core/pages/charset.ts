/**
 * Which character encoding a page declares, as browsers find it (WHATWG Encoding and HTML "determining
 * the character encoding"): the transport layer's Content-Type charset, then the `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 1024 bytes. Labels are WHATWG labels ("latin1",
 * "sjis", "gb2312"…) resolved to the encoding's name ("windows-1252", "shift_jis", "gbk").
 */

/** The encoding a WHATWG label names, as TextDecoder spells it; null for unknown or unsupported labels. */
export function encodingForLabel(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  if (trimmed.length === 0 || trimmed.length > 40) return null;
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    // "x-user-defined" (browsers map its bytes like windows-1252 for text) and unknown labels.
    return trimmed === 'x-user-defined' ? 'windows-1252' : null;
  }
}

const CHARSET_PARAM = /charset\s*=\s*["']?\s*([^"';\s]+)/iu;

/** The charset of an HTTP Content-Type value ("text/html; charset=windows-1256"); null when it names none. */
export function charsetOfContentType(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  const m = CHARSET_PARAM.exec(contentType);
  return m === null ? null : encodingForLabel(m[1] ?? '');
}

/** How far into the bytes browsers look for a `<meta>` declaration. */
export const PRESCAN_BYTES = 1024;

const COMMENT = /<!--[\s\S]*?(?:-->|$)/gu;
const META = /<meta(?=[\s/])[^>]*>?/giu;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/gu;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 5; // after "<meta"
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name.length > 0 && !attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/**
 * The encoding declared by the first `<meta>` that declares one within `limit` bytes (comments
 * skipped); null when none does. UTF-16 declarations mean UTF-8 (the bytes were readable as ASCII).
 */
export function prescanMetaCharset(bytes: Uint8Array, limit = PRESCAN_BYTES): string | null {
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, limit)));
  if (!/<meta/iu.test(head)) return null;
  const text = head.replace(COMMENT, ' ');
  META.lastIndex = 0;
  for (let m = META.exec(text); m !== null; m = META.exec(text)) {
    const attributes = attributesOf(m[0]);
    let label: string | null = null;
    const charset = attributes.get('charset');
    if (charset !== undefined) label = charset;
    else if ((attributes.get('http-equiv') ?? '').toLowerCase() === 'content-type') {
      const content = attributes.get('content') ?? '';
      label = CHARSET_PARAM.exec(content)?.[1] ?? null;
    }
    if (label === null) continue;
    const encoding = encodingForLabel(label);
    if (encoding === null) continue;
    return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
  }
  return null;
}

const LATIN1 = new TextDecoder('latin1');

/** Bytes as one character each (the prescan only reads ASCII). */
function latin1(bytes: Uint8Array): string {
  // TextDecoder('latin1') is windows-1252: 0x80–0x9F differ from ISO-8859-1, but never matter for ASCII markup.
  return LATIN1.decode(bytes);
}
