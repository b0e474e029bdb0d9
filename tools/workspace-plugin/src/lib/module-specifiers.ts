import { extractSpecifiers, type SourceSpecifier } from '@alphaswarm/policy';

/** One module specifier in a source file: its text and where the text sits (without quotes). */
export type ModuleSpecifier = SourceSpecifier;

/**
 * Every module specifier a TypeScript or JavaScript file names, as the boundary engine reads them
 * (`extractSpecifiers` of `@alphaswarm/policy`): every form `pnpm boundaries` and ESLint judge,
 * so a move rewrites what the checks see.
 */
export function moduleSpecifiers(fileName: string, text: string): ModuleSpecifier[] {
  return [...extractSpecifiers(text, fileName).specifiers];
}

/** `text` with each replacement applied to its specifier span (replacements may come in any order). */
export function replaceSpecifiers(
  text: string,
  replacements: readonly { readonly specifier: ModuleSpecifier; readonly text: string }[],
): string {
  return [...replacements]
    .sort((a, b) => b.specifier.start - a.specifier.start)
    .reduce((result, { specifier, text: next }) => `${result.slice(0, specifier.start)}${next}${result.slice(specifier.end)}`, text);
}
