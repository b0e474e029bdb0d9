/** Token kinds of {@link Lexer}. */
export const EOF = 0;
export const IDENT = 1;
/** A string literal, or a template literal without substitutions. */
export const STRING = 2;
export const TEMPLATE_PART = 3;
export const NUMBER = 4;
export const REGEX = 5;
export const PUNCT = 6;

export type TokenKind = typeof EOF | typeof IDENT | typeof STRING | typeof TEMPLATE_PART | typeof NUMBER | typeof REGEX | typeof PUNCT;

/** A saved lexer position (see {@link Lexer.save}). */
export interface LexerState {
  readonly pos: number;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly prev1: number;
  readonly prev2: number;
  readonly prev3: number;
  readonly afterMember: boolean;
  readonly regexAllowed: boolean;
  readonly depth: number;
  readonly templates: readonly number[];
  readonly sawToken: boolean;
}

/** Keywords after which a `/` starts a regular expression, not a division, by length. */
const regexKeywords: readonly (readonly string[])[] = [
  [],
  [],
  ['in', 'of', 'do'],
  ['new'],
  ['void', 'case', 'else'],
  ['throw', 'yield', 'await'],
  ['return', 'typeof', 'delete'],
  [],
  [],
  [],
  ['instanceof'],
];

/** 1 for ASCII characters that may start an identifier, 2 for those that may only continue one. */
const identifierChars = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 36 || code === 95 || code === 92) identifierChars[code] = 1;
  else if (code >= 48 && code <= 57) identifierChars[code] = 2;
}

const noTemplates: readonly number[] = [];

const referenceDirective = /^\/\/\/\s*<reference\s+(path|types)\s*=\s*(["'])([^"'\r\n]*)\2/;

/**
 * A JavaScript/TypeScript tokenizer that knows just enough of the lexical grammar to find
 * specifiers: strings, template literals (nested), comments, regular expressions (told from
 * divisions by the previous token) and punctuation. It records, instead of throwing, anything
 * that shows it lost its way (an unterminated string, comment or template, unbalanced brackets):
 * the caller then reads the file with the full parser. JSX is not understood.
 *
 * Previous tokens are kept as encoded numbers (`kind + start * 8`), enough for the recogniser to
 * look back three tokens without allocating.
 */
export class Lexer {
  pos = 0;
  kind: TokenKind = EOF;
  start = 0;
  end = 0;
  prev1 = -1;
  prev2 = -1;
  prev3 = -1;
  /** The token before the current one follows a member access (`.` or `?.`). */
  afterMember = false;
  /** Set when the source cannot have been tokenized correctly. */
  anomaly = false;
  private regexAllowed = true;
  /** Open `(`, `[` and `{`. */
  private depth = 0;
  /** For each open `${` of a template literal, the depth at which its `}` closes it. */
  private templates: number[] = [];
  private sawToken = false;
  private readonly length: number;

  constructor(
    readonly text: string,
    /** Called for `/// <reference path|types="…" />` before the first token. */
    private readonly onReference: (form: 'path' | 'types', start: number, end: number) => void,
  ) {
    this.length = text.length;
    if (text.startsWith('#!')) {
      const newline = text.indexOf('\n');
      this.pos = newline === -1 ? this.length : newline;
    }
  }

  save(): LexerState {
    return {
      pos: this.pos,
      kind: this.kind,
      start: this.start,
      end: this.end,
      prev1: this.prev1,
      prev2: this.prev2,
      prev3: this.prev3,
      afterMember: this.afterMember,
      regexAllowed: this.regexAllowed,
      depth: this.depth,
      templates: this.templates.length === 0 ? noTemplates : [...this.templates],
      sawToken: this.sawToken,
    };
  }

  restore(state: LexerState): void {
    this.pos = state.pos;
    this.kind = state.kind;
    this.start = state.start;
    this.end = state.end;
    this.prev1 = state.prev1;
    this.prev2 = state.prev2;
    this.prev3 = state.prev3;
    this.afterMember = state.afterMember;
    this.regexAllowed = state.regexAllowed;
    this.depth = state.depth;
    this.templates = state.templates.length === 0 ? [] : [...state.templates];
    this.sawToken = state.sawToken;
  }

  /** True when every bracket and template opened was closed. */
  get balanced(): boolean {
    return this.depth === 0 && this.templates.length === 0;
  }

  /** Is the current token the punctuator `value`? */
  is(value: string): boolean {
    return this.kind === PUNCT && this.end - this.start === value.length && this.text.startsWith(value, this.start);
  }

  /** Is the current token the identifier (or keyword) `value`? */
  isIdent(value: string): boolean {
    return this.kind === IDENT && this.end - this.start === value.length && this.text.startsWith(value, this.start);
  }

  /** Does the encoded previous token `token` hold the punctuator or identifier `value`? */
  was(token: number, value: string): boolean {
    if (token < 0) return false;
    const kind = token % 8;
    const start = (token - kind) / 8;
    if (!this.text.startsWith(value, start)) return false;
    if (kind === IDENT) return !isIdentPart(this.text.charCodeAt(start + value.length));
    return kind === PUNCT && this.punctLength(start) === value.length;
  }

  /** The identifier the encoded previous token `token` holds, or undefined. */
  identifierOf(token: number): string | undefined {
    if (token < 0 || token % 8 !== IDENT) return undefined;
    const start = (token - IDENT) / 8;
    let end = start;
    while (end < this.length && isIdentPart(this.text.charCodeAt(end))) end += 1;
    return this.text.slice(start, end);
  }

  /** Advance to the next token and return its kind. */
  next(): TokenKind {
    if (this.kind !== EOF || this.sawToken) {
      this.prev3 = this.prev2;
      this.prev2 = this.prev1;
      this.prev1 = this.kind + this.start * 8;
      this.afterMember =
        this.kind === PUNCT &&
        ((this.end - this.start === 1 && this.text.charCodeAt(this.start) === 46) ||
          (this.end - this.start === 2 && this.text.charCodeAt(this.start) === 63));
    }
    this.skipTrivia();
    const text = this.text;
    if (this.pos >= this.length) {
      this.kind = EOF;
      this.start = this.end = this.length;
      return EOF;
    }
    this.sawToken = true;
    const start = this.pos;
    this.start = start;
    const code = text.charCodeAt(start);
    if (code === 39 || code === 34) {
      this.scanString(code);
      return this.finish(STRING, false);
    }
    if (code === 96) return this.scanTemplate(start + 1);
    if (isIdentStart(code)) {
      let pos = start + 1;
      while (pos < this.length && isIdentPart(text.charCodeAt(pos))) pos += 1;
      this.pos = pos;
      return this.finish(IDENT, this.isRegexKeyword(start, pos - start));
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(start + 1)))) {
      let pos = start + 1;
      while (pos < this.length) {
        const next = text.charCodeAt(pos);
        if (isIdentPart(next) || next === 46) pos += 1;
        else if ((next === 43 || next === 45) && (text.charCodeAt(pos - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(start, start + 2)))
          pos += 1;
        else break;
      }
      this.pos = pos;
      return this.finish(NUMBER, false);
    }
    if (code === 47 && this.regexAllowed && this.scanRegex()) return this.finish(REGEX, false);
    return this.scanPunct(code);
  }

  private isRegexKeyword(start: number, length: number): boolean {
    const candidates = regexKeywords[length];
    if (candidates === undefined || candidates.length === 0) return false;
    for (const keyword of candidates) if (this.text.startsWith(keyword, start)) return true;
    return false;
  }

  private finish(kind: TokenKind, regexAllowed: boolean): TokenKind {
    this.kind = kind;
    this.end = this.pos;
    this.regexAllowed = regexAllowed;
    return kind;
  }

  private skipTrivia(): void {
    const text = this.text;
    while (this.pos < this.length) {
      const code = text.charCodeAt(this.pos);
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12) {
        this.pos += 1;
      } else if (code === 47) {
        const next = text.charCodeAt(this.pos + 1);
        if (next === 47) {
          const start = this.pos;
          let end = text.indexOf('\n', start);
          if (end === -1) end = this.length;
          if (!this.sawToken && text.charCodeAt(start + 2) === 47) this.reference(start, end);
          this.pos = end;
        } else if (next === 42) {
          const end = text.indexOf('*/', this.pos + 2);
          if (end === -1) {
            this.anomaly = true;
            this.pos = this.length;
          } else this.pos = end + 2;
        } else return;
      } else if (code > 127 && isSpace(code)) {
        this.pos += 1;
      } else return;
    }
  }

  private reference(start: number, end: number): void {
    const match = referenceDirective.exec(this.text.slice(start, end));
    if (!match) return;
    const value = match[3] ?? '';
    const valueStart = start + match[0].length - 1 - value.length;
    this.onReference(match[1] === 'path' ? 'path' : 'types', valueStart, valueStart + value.length);
  }

  private scanString(quote: number): void {
    const text = this.text;
    let pos = this.start + 1;
    while (pos < this.length) {
      const code = text.charCodeAt(pos);
      if (code === quote) {
        this.pos = pos + 1;
        return;
      }
      if (code === 92) pos += text.charCodeAt(pos + 1) === 13 && text.charCodeAt(pos + 2) === 10 ? 3 : 2;
      else if (code === 10 || code === 13) break;
      else pos += 1;
    }
    this.anomaly = true;
    this.pos = pos;
  }

  /** Scan template characters from `pos` up to the closing backtick or a `${`. */
  private scanTemplate(from: number): TokenKind {
    const text = this.text;
    let pos = from;
    while (pos < this.length) {
      const code = text.charCodeAt(pos);
      if (code === 96) {
        this.pos = pos + 1;
        // A whole template without substitutions is a literal like a string; a closing part is not.
        return this.finish(text.charCodeAt(this.start) === 96 ? STRING : TEMPLATE_PART, false);
      }
      if (code === 92) pos += 2;
      else if (code === 36 && text.charCodeAt(pos + 1) === 123) {
        this.pos = pos + 2;
        this.templates.push(this.depth);
        return this.finish(TEMPLATE_PART, true);
      } else pos += 1;
    }
    this.anomaly = true;
    this.pos = this.length;
    return this.finish(TEMPLATE_PART, false);
  }

  /** Scan a regular expression literal; false (nothing consumed) when the line ends first. */
  private scanRegex(): boolean {
    const text = this.text;
    let pos = this.start + 1;
    let inClass = false;
    while (pos < this.length) {
      const code = text.charCodeAt(pos);
      if (code === 10 || code === 13) return false;
      if (code === 92) pos += 2;
      else if (code === 91) {
        inClass = true;
        pos += 1;
      } else if (code === 93) {
        inClass = false;
        pos += 1;
      } else if (code === 47 && !inClass) {
        pos += 1;
        while (pos < this.length && isIdentPart(text.charCodeAt(pos))) pos += 1;
        this.pos = pos;
        return true;
      } else pos += 1;
    }
    return false;
  }

  private scanPunct(code: number): TokenKind {
    const start = this.start;
    if (code === 125 && this.templates.length > 0 && this.templates[this.templates.length - 1] === this.depth) {
      this.templates.pop();
      return this.scanTemplate(start + 1);
    }
    const length = this.punctLength(start);
    this.pos = start + length;
    if (length === 1) {
      if (code === 40 || code === 91 || code === 123) this.depth += 1;
      else if (code === 41 || code === 93 || code === 125) {
        this.depth -= 1;
        if (this.depth < 0) this.anomaly = true;
      }
    }
    // After `)` and `]` a slash divides; after `}` (mostly the end of a block) and any operator it starts a regex.
    const divides = length === 1 ? code === 41 || code === 93 : (code === 43 || code === 45) && length === 2;
    return this.finish(PUNCT, !divides);
  }

  /** Length of the punctuator at `start` (1 to 4 characters). */
  private punctLength(start: number): number {
    const text = this.text;
    const code = text.charCodeAt(start);
    const next = text.charCodeAt(start + 1);
    switch (code) {
      case 40:
      case 41:
      case 91:
      case 93:
      case 123:
      case 125:
      case 59:
      case 44:
      case 126:
      case 58:
      case 64:
      case 35:
        return 1;
      case 46:
        return next === 46 && text.charCodeAt(start + 2) === 46 ? 3 : 1;
      case 63:
        if (next === 46 && !isDigit(text.charCodeAt(start + 2))) return 2;
        if (next === 63) return text.charCodeAt(start + 2) === 61 ? 3 : 2;
        return 1;
      case 61:
        if (next === 62) return 2;
        if (next === 61) return text.charCodeAt(start + 2) === 61 ? 3 : 2;
        return 1;
      case 33:
        if (next === 61) return text.charCodeAt(start + 2) === 61 ? 3 : 2;
        return 1;
      case 43:
      case 45:
        return next === code || next === 61 ? 2 : 1;
      case 42:
        if (next === 42) return text.charCodeAt(start + 2) === 61 ? 3 : 2;
        return next === 61 ? 2 : 1;
      case 38:
      case 124:
        if (next === code) return text.charCodeAt(start + 2) === 61 ? 3 : 2;
        return next === 61 ? 2 : 1;
      case 60:
        if (next === 60) return text.charCodeAt(start + 2) === 61 ? 3 : 2;
        return next === 61 ? 2 : 1;
      case 62:
        // `>>` and `>>>` are left as single `>` so that closing generics (`Map<A, B<C>>`) stay simple.
        return next === 61 ? 2 : 1;
      default:
        return next === 61 && (code === 37 || code === 94 || code === 47) ? 2 : 1;
    }
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 36 || code === 95 || code === 92 || (code > 127 && !isSpace(code))
  );
}

export function isIdentPart(code: number): boolean {
  return isIdentStart(code) || isDigit(code);
}

function isSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
