import type { Policy } from './policy-schema.js';

/** A cycle in a directed graph given as adjacency lists (first node repeated at the end), or undefined. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

/** A cycle in the allowed-dependency graph (first domain repeated at the end), or undefined. */
export function findAllowedCycle(policy: Pick<Policy, 'domains'>): string[] | undefined {
  return findCycle(new Map(policy.domains.map((domain) => [domain.name, domain.mayImport])));
}
