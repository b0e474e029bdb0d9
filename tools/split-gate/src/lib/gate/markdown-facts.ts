import { Lexer, marked, type Token } from 'marked';

/** A command line written in a code block or inline code span, with the heading it sits under. */
export interface DocumentedCommand {
  readonly line: string;
  /** The text of the nearest heading above it ('' before the first heading). */
  readonly section: string;
}

/** What the gate needs to know about a Markdown document. */
export interface MarkdownFacts {
  readonly headings: number;
  /** Words of prose: text outside code blocks and inline code. */
  readonly proseWords: number;
  /** Placeholder markers found in the prose (TODO, TBD, FIXME, lorem ipsum). */
  readonly placeholders: readonly string[];
  /** Every command line written in a code block or an inline code span, in order. */
  readonly commands: readonly DocumentedCommand[];
}

const placeholder = /\b(?:TODO|TBD|FIXME|XXX|lorem ipsum)\b/gi;
const word = /\p{L}[\p{L}\p{N}'’-]*/gu;

/** Read a Markdown document with a real Markdown lexer (so code is never counted as prose). */
export function markdownFacts(text: string): MarkdownFacts {
  const tokens = Lexer.lex(text);
  let headings = 0;
  let proseWords = 0;
  let section = '';
  const placeholders = new Set<string>();
  const commands: DocumentedCommand[] = [];
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'heading') {
      headings += 1;
      section = token.text;
    }
    if (token.type === 'code' || token.type === 'codespan') {
      commands.push(
        ...token.text
          .split('\n')
          .map((line: string) => line.trim().replace(/^\$\s+/, ''))
          .filter((line: string) => line.length > 0)
          .map((line: string) => ({ line, section })),
      );
    }
    if (token.type === 'text' && !('tokens' in token && token.tokens && token.tokens.length > 0)) {
      proseWords += token.text.match(word)?.length ?? 0;
      for (const match of token.text.matchAll(placeholder)) placeholders.add(match[0]);
    }
  });
  return { headings, proseWords, placeholders: [...placeholders].sort(), commands };
}

/** A section that lists integration tests: its heading says so ("Integration tests"). */
export const isIntegrationSection = (section: string): boolean => /integration/i.test(section);

/** A section that lists validation commands: "Validation" (README) or "Before a change is done" (AGENTS). */
export const isValidationSection = (section: string): boolean => /validation|before a change is done/i.test(section);
