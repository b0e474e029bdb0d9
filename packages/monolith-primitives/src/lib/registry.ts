/** What a registered component is: a kind (e.g. "rl.estimator") and a name unique within it. */
export interface RegistryKey {
  readonly kind: string;
  readonly name: string;
}

export type ComponentFactory<T = unknown> = (options: Readonly<Record<string, unknown>>) => T;

const components = new Map<string, ComponentFactory>();
const keyOf = ({ kind, name }: RegistryKey) => `${kind}/${name}`;
const validName = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

/** `alphaswarm.core.registry.register`: the central component registry. */
export const registry = {
  /** Register a factory; a second registration of the same kind and name is refused. */
  register<T>(key: RegistryKey, factory: ComponentFactory<T>): void {
    for (const part of ['kind', 'name'] as const) {
      if (!validName.test(key[part])) throw new TypeError(`registry.register: invalid ${part} "${key[part]}"`);
    }
    if (components.has(keyOf(key))) throw new Error(`registry.register: ${keyOf(key)} is already registered`);
    components.set(keyOf(key), factory);
  },
  create<T>(key: RegistryKey, options: Readonly<Record<string, unknown>> = {}): T {
    const factory = components.get(keyOf(key));
    if (!factory) throw new Error(`registry: nothing registered as ${keyOf(key)}`);
    return factory(options) as T;
  },
  has(key: RegistryKey): boolean {
    return components.has(keyOf(key));
  },
  /** Registered names of a kind, sorted. */
  list(kind: string): string[] {
    return [...components.keys()]
      .filter((key) => key.startsWith(`${kind}/`))
      .map((key) => key.slice(kind.length + 1))
      .sort();
  },
  unregister(key: RegistryKey): boolean {
    return components.delete(keyOf(key));
  },
} as const;
