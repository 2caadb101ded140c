/** Text as HTML text or attribute content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}
