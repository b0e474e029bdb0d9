/** How the public API of one entry point changed between two reports. */
export interface ApiSurfaceChange {
  /** Declarations in the old report that the new one lacks. */
  readonly removed: readonly string[];
  /** Declarations the new report adds. */
  readonly added: readonly string[];
  /** Declarations in both whose text differs. */
  readonly changed: readonly string[];
}

const declared =
  /^(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:function|class|interface|type|const|let|var|enum|namespace)\s+([\w$]+)/;

/**
 * The declarations of an api-extractor report, by name: the code of its ```ts block, split at
 * blank lines, without comments (release tags, `(undocumented)`, warnings, doc comments) and without imports —
 * so documentation, warnings and source positions never count as an API change.
 */
export function apiSurface(report: string): Map<string, string> {
  const code = /```ts\n([\s\S]*?)\n```/.exec(report)?.[1] ?? '';
  const surface = new Map<string, string>();
  for (const chunk of code.split(/\n\s*\n/)) {
    const text = chunk
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .filter((line) => line.trim().length > 0 && !line.trimStart().startsWith('//') && !/^import\s/.test(line))
      .join('\n')
      .trim();
    if (text.length === 0) continue;
    const name = declared.exec(text)?.[1] ?? text;
    surface.set(name, surface.has(name) ? `${surface.get(name)}\n${text}` : text);
  }
  return surface;
}

/** What changed in the API between the report `before` and the report `after` (declaration names, sorted). */
export function compareApiSurface(before: string, after: string): ApiSurfaceChange {
  const old = apiSurface(before);
  const current = apiSurface(after);
  const sorted = (names: Iterable<string>): string[] => [...names].sort();
  return {
    removed: sorted([...old.keys()].filter((name) => !current.has(name))),
    added: sorted([...current.keys()].filter((name) => !old.has(name))),
    changed: sorted([...current.keys()].filter((name) => old.has(name) && old.get(name) !== current.get(name))),
  };
}
