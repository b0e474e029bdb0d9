/**
 * What the engine never reads, and what the ESLint wiring ignores, so that both see the same files:
 * installs, build output and caches.
 */
export const IGNORED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'out-tsc', 'coverage', 'tmp', '.nx', '.git'];

/** File-name patterns (`*` matches any characters) of transient files the engine never reads. */
export const IGNORED_FILES: readonly string[] = ['vite.config.*.timestamp*', 'vitest.config.*.timestamp*'];

/** The same, as ESLint flat-config `ignores` globs. */
export function eslintIgnores(): string[] {
  return [...IGNORED_FOLDERS.map((folder) => `**/${folder}`), ...IGNORED_FILES.map((pattern) => `**/${pattern}`)];
}

const ignoredFile = new RegExp(
  `^(?:${IGNORED_FILES.map((pattern) => pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')).join('|')})$`,
);

/** True when a file name (not a path) matches {@link IGNORED_FILES}. */
export function isIgnoredFile(name: string): boolean {
  return ignoredFile.test(name);
}
