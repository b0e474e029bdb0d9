const warned = new Set<string>();

/**
 * Emit one Node `DeprecationWarning` per process for a legacy import path, so that
 * `--no-deprecation`, `--throw-deprecation` and `--trace-deprecation` behave as Node users expect.
 */
export function warnDeprecatedImport(code: string, legacyPath: string, replacement: string): void {
  if (warned.has(code)) return;
  warned.add(code);
  process.emitWarning(`${legacyPath} is deprecated: import ${replacement} instead.`, {
    type: 'DeprecationWarning',
    code,
    detail: `${legacyPath} is a compatibility shim left by the repository split; it re-exports ${replacement} unchanged and will be removed.`,
  });
}
