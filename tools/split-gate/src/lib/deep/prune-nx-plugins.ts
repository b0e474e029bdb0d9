/** An entry of nx.json `plugins`: a module specifier, or `{ plugin, options, … }`. */
type PluginEntry = string | { readonly plugin: string; readonly [key: string]: unknown };

/** nx.json with the plugins pruned, and the local plugins that were left out. */
export interface PrunedNxJson {
  readonly nxJson: Record<string, unknown>;
  /** Local plugin paths (`./tools/…`) whose file is not in the assembled workspace. */
  readonly dropped: readonly string[];
}

const isLocal = (specifier: string): boolean => specifier.startsWith('./') || specifier.startsWith('../');

/**
 * Leave out the local Nx plugins (e.g. `./tools/<tool>/plugin.mjs`) of projects that were not
 * assembled: Nx refuses to start when a plugin in nx.json cannot be loaded, and such a plugin is the
 * workspace's tooling, not something the domain needs. Package plugins (`@nx/js/typescript`) stay:
 * they come from the install. `exists(path)` answers for a workspace-relative path.
 */
export function pruneNxPlugins(nxJson: Record<string, unknown>, exists: (path: string) => boolean): PrunedNxJson {
  const plugins = nxJson['plugins'];
  if (!Array.isArray(plugins)) return { nxJson, dropped: [] };
  const specifier = (entry: PluginEntry): string => (typeof entry === 'string' ? entry : entry.plugin);
  const missing = (entry: PluginEntry): boolean => isLocal(specifier(entry)) && !exists(specifier(entry));
  const entries = plugins as PluginEntry[];
  const dropped = entries.filter(missing).map(specifier);
  if (dropped.length === 0) return { nxJson, dropped };
  return { nxJson: { ...nxJson, plugins: entries.filter((entry) => !missing(entry)) }, dropped };
}
