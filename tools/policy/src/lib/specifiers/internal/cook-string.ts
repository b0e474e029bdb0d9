/**
 * The value of a string or template literal whose characters (without the quotes) are
 * `text[start, end)`: escapes decoded as JavaScript does. Specifiers almost never hold an escape,
 * so the common case is one slice.
 */
export function cookString(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(Number.parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1 && (escape.startsWith('u') || escape.startsWith('x')))
      return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    switch (escape) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return '\0';
      case '\n':
      case '\r':
      case '\r\n':
      case '\u2028':
      case '\u2029':
        return '';
      default:
        return escape;
    }
  });
}
