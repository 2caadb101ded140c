/**
 * HTML character references (`&#8220;`, `&#x27;`, `&quot;`, `&hellip;`…) left in text that is not
 * parsed as HTML: text saves of web pages, and metadata that sites escaped twice. Only complete
 * references (with their ";") are decoded, so "AT&T" or "&copy 2016" in prose stay as written.
 */
import { decodeHTMLStrict } from 'entities/decode';
import { trimSpace } from './chars.js';

const REFERENCE = /&(?:#\d{1,8}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iu;

/** The text with its character references decoded (the same string when it holds none). */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&') || !REFERENCE.test(text)) return text;
  return decodeHTMLStrict(text);
}

/**
 * One field of a page (a title, a paragraph, a ticker headline) with its references decoded, kept one
 * trimmed line: a reference can stand for a space or a line break ("&nbsp;", "&#10;").
 */
export function decodeReferencesInLine(text: string): string {
  const decoded = decodeCharacterReferences(text);
  return decoded === text ? text : trimSpace(decoded.replace(/[\r\n]+/g, ' '));
}
