import { registry, type ComponentFactory, type RegistryKey } from '@alphaswarm/monolith-primitives';
import { RLError } from '../rl-error.js';
import type { RLComponentKind, RLComponentKinds } from './rl-components.js';

/** The central-registry key of an RL component: kind `rl.<kind>`. */
export function rlComponentKey(kind: RLComponentKind, name: string): RegistryKey {
  return { kind: `rl.${kind}`, name };
}

/**
 * Register an RL component through the central registry (`registry.register`), the way the
 * Python `RLComponent` metaclass registered every subclass. A second registration of the same
 * kind and name is refused by the registry.
 */
export function registerRLComponent<K extends RLComponentKind>(
  kind: K,
  name: string,
  factory: ComponentFactory<RLComponentKinds[K]>,
): void {
  registry.register(rlComponentKey(kind, name), factory);
}

/**
 * Build a registered RL component with its spec parameters.
 *
 * @throws RLError ASW-303 when nothing is registered under that name.
 */
export function createRLComponent<K extends RLComponentKind>(
  kind: K,
  name: string,
  params: Readonly<Record<string, unknown>>,
  experiment: string,
): RLComponentKinds[K] {
  const key = rlComponentKey(kind, name);
  if (!registry.has(key)) {
    const known = registry.list(key.kind);
    throw new RLError(
      'ASW-303',
      `experiment "${experiment}": no ${kind} named "${name}" is registered (registered: ${known.length > 0 ? known.join(', ') : 'none'}); register it with registerRLComponent('${kind}', '${name}', factory).`,
    );
  }
  return registry.create<RLComponentKinds[K]>(key, params);
}

/** The registered names of one kind of RL component, sorted. */
export function listRLComponents(kind: RLComponentKind): string[] {
  return registry.list(`rl.${kind}`);
}
