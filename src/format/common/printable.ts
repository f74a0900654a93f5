/**
 * Characters a terminal or a CI log acts on rather than shows: C0 controls but tab (ESC starts a colour, a
 * screen clear or a title change; CR and LF start a new line, where `::error::` would be read as a workflow
 * command), DEL, and C1 controls (a terminal may read U+009B as ESC [).
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
/** The same but CR and LF, for a format that escapes line breaks in its own way. */
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Text from a plan or a file name made safe for a terminal, a log or a one-line message: each control character
 * is shown as a `\xHH` escape, so that nothing is hidden and nothing acts. Tab is kept, and CR and LF too when
 * `keepBreaks` is set (GitHub's workflow commands escape them as %0D and %0A).
 */
export function printable(text: string, keepBreaks = false): string {
  return text.replace(keepBreaks ? CONTROL_BUT_BREAKS : CONTROL, hex);
}
