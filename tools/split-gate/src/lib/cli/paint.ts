import { stripVTControlCharacters } from 'node:util';

/** ANSI styles used by the people-facing output. */
export type Style = 'red' | 'green' | 'yellow' | 'dim' | 'bold';

const codes: Record<Style, [number, number]> = { red: [31, 39], green: [32, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22] };

/** A painter: colours only when `enabled` (a TTY without NO_COLOR), plain text otherwise. */
export function painter(enabled: boolean): (style: Style, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}

/** Colour on an interactive terminal unless NO_COLOR is set, or when FORCE_COLOR asks for it. */
export function colourFor(stream: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

/** Pad to a width measured without ANSI codes, so coloured columns stay aligned. */
export function padEnd(text: string, width: number): string {
  const visible = stripVTControlCharacters(text).length;
  return visible >= width ? text : text + ' '.repeat(width - visible);
}
