import { stripVTControlCharacters, styleText } from 'node:util';

/** Styles used by the people-facing output (names of `util.inspect.colors`). */
export type Style = 'red' | 'green' | 'yellow' | 'dim' | 'bold';

/** Paints text in a style, or leaves it plain. */
export type Paint = (style: Style, text: string) => string;

/**
 * A painter for `stream`: Node's `util.styleText`, which colours only a stream that can show
 * colour (a colour terminal) and honours `NO_COLOR`, `NODE_DISABLE_COLORS` and `FORCE_COLOR`.
 */
export function painter(stream: NodeJS.WritableStream): Paint {
  return (style, text) => styleText(style, text, { stream });
}

/** A painter that leaves text plain (for output compared as text, e.g. in tests). */
export const plainText: Paint = (_style, text) => text;

/** Pad to a width measured without ANSI codes, so coloured columns stay aligned. */
export function padEnd(text: string, width: number): string {
  const visible = stripVTControlCharacters(text).length;
  return visible >= width ? text : text + ' '.repeat(width - visible);
}
