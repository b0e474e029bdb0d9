import { registry, type ComponentFactory, type RegistryKey } from '@alphaswarm/monolith-primitives';
import { MonolithError } from '../monolith-error.js';

/** A registration in the central registry, with the means to build and withdraw it. */
export interface RegisteredComponent<T> {
  readonly key: RegistryKey;
  create(options?: Readonly<Record<string, unknown>>): T;
  /** Withdraw the registration (e.g. when a plugin unloads). */
  unregister(): void;
}

/**
 * `alphaswarm.core.registry.register`: register a component factory under a kind and a name in
 * the central registry. A second registration of the same key is refused.
 */
export function register<T>(key: RegistryKey, factory: ComponentFactory<T>): RegisteredComponent<T> {
  registry.register(key, factory);
  const frozen = Object.freeze({ kind: key.kind, name: key.name });
  return {
    key: frozen,
    create: (options = {}) => registry.create<T>(frozen, options),
    unregister: () => void registry.unregister(frozen),
  };
}

/**
 * Build a registered component.
 *
 * @throws MonolithError ASW-501 naming the key and what is registered under its kind.
 */
export function resolve<T>(key: RegistryKey, options: Readonly<Record<string, unknown>> = {}): T {
  if (!registry.has(key)) {
    const known = registry.list(key.kind);
    throw new MonolithError(
      'ASW-501',
      `nothing is registered as ${key.kind}/${key.name} (registered ${key.kind}: ${known.join(', ') || 'none'}); register it with register().`,
    );
  }
  return registry.create<T>(key, options);
}

/** The registered names of a kind, sorted. */
export function registeredNames(kind: string): string[] {
  return registry.list(kind);
}
