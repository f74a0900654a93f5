const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content and for double- or single-quoted attribute values.
 * Control characters other than tab and newline (C0, DEL and C1) are dropped: they are invalid in HTML and
 * only ever reach a plan through a damaged export.
 */
export function esc(value: string | number): string {
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** An attribute written as ` name="value"`, with the value escaped. */
export function attr(name: string, value: string | number): string {
  return ` ${name}="${esc(value)}"`;
}
