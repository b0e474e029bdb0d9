/** A target's `inputs` entry as Nx accepts it (strings, `{ fileset }`, `{ input, projects }`, `{ env }`, …). */
export type InputDefinition = string | object;

/**
 * The `{workspaceRoot}/…` globs among a project's target inputs, named inputs resolved (the project's
 * own over nx.json's). These are what make Nx count a project as affected by a root file
 * (nx: `getImplicitlyTouchedProjects`), so the explanation of an affected project reads the same.
 */
export function rootInputsOf(
  targets: Readonly<Record<string, { inputs?: readonly InputDefinition[] }>>,
  namedInputs: Readonly<Record<string, readonly InputDefinition[]>>,
): string[] {
  const found = new Set<string>();
  const visit = (inputs: readonly InputDefinition[], seen: ReadonlySet<string>): void => {
    for (const input of inputs) {
      if (typeof input === 'string') {
        if (input in namedInputs && !seen.has(input)) visit(namedInputs[input] ?? [], new Set([...seen, input]));
        else if (input.startsWith('{workspaceRoot}/')) found.add(input.slice('{workspaceRoot}/'.length));
      } else {
        const fileset = (input as { fileset?: unknown }).fileset;
        if (typeof fileset === 'string' && fileset.startsWith('{workspaceRoot}/')) found.add(fileset.slice('{workspaceRoot}/'.length));
      }
    }
  };
  for (const target of Object.values(targets)) visit(target.inputs ?? [], new Set());
  return [...found].sort();
}
