/** The package a bare specifier names: `@scope/name/deep` → `@scope/name`; `name/deep` → `name`. */
export function packageNameOf(specifier: string): string {
  const slash = specifier.indexOf('/');
  if (slash === -1) return specifier;
  if (!specifier.startsWith('@')) return specifier.slice(0, slash);
  const second = specifier.indexOf('/', slash + 1);
  return second === -1 ? specifier : specifier.slice(0, second);
}
