/** What a registered component is: a kind (e.g. "rl.estimator") and a name unique within it. */
export interface RegistryKey {
  readonly kind: string;
  readonly name: string;
}

export type ComponentFactory<T = unknown> = (options: Readonly<Record<string, unknown>>) => T;

const keyOf = ({ kind, name }: RegistryKey) => `${kind}/${name}`;
const validName = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

/** A component registry: factories by kind and name. */
export interface Registry {
  /** Register a factory; a second registration of the same kind and name is refused. */
  register<T>(key: RegistryKey, factory: ComponentFactory<T>): void;
  /** Build the component registered under `key` with `options`. */
  create<T>(key: RegistryKey, options?: Readonly<Record<string, unknown>>): T;
  has(key: RegistryKey): boolean;
  /** Registered names of a kind, sorted. */
  list(kind: string): string[];
  /** Remove a registration; false when there was none. */
  unregister(key: RegistryKey): boolean;
}

/**
 * A new, empty registry. The process has one central registry (`registry`); a caller that must not
 * share it (a test, a second hub in one process) makes its own.
 */
export function createRegistry(): Registry {
  const components = new Map<string, ComponentFactory>();
  return {
    register(key, factory) {
      for (const part of ['kind', 'name'] as const) {
        if (!validName.test(key[part])) throw new TypeError(`registry.register: invalid ${part} "${key[part]}"`);
      }
      if (components.has(keyOf(key))) throw new Error(`registry.register: ${keyOf(key)} is already registered`);
      components.set(keyOf(key), factory as ComponentFactory);
    },
    create<T>(key: RegistryKey, options: Readonly<Record<string, unknown>> = {}): T {
      const factory = components.get(keyOf(key));
      if (!factory) throw new Error(`registry: nothing registered as ${keyOf(key)}`);
      return factory(options) as T;
    },
    has(key) {
      return components.has(keyOf(key));
    },
    list(kind) {
      return [...components.keys()]
        .filter((key) => key.startsWith(`${kind}/`))
        .map((key) => key.slice(kind.length + 1))
        .sort();
    },
    unregister(key) {
      return components.delete(keyOf(key));
    },
  };
}

/** `alphaswarm.core.registry.register`: the central component registry of the process. */
export const registry: Registry = createRegistry();
