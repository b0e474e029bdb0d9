declare const brand: unique symbol;

/** A string that has been checked to be an identifier of kind `K`. */
export type Id<K extends string> = string & { readonly [brand]: K };
/** Identifies a tenant: the unit of isolation. */
export type TenantId = Id<'tenant'>;
/** Identifies a workload across tenants. */
export type WorkloadId = Id<'workload'>;
/** Identifies a caller (a person or a service). */
export type PrincipalId = Id<'principal'>;

/** The shape of every identifier: lowercase letters, digits and dashes, 1 to 63 characters (a DNS label). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Check and brand an identifier: lowercase letters, digits and dashes, 1 to 63 characters. */
export function parseId<K extends string>(kind: K, value: string): Id<K> {
  if (!ID_PATTERN.test(value)) {
    throw new TypeError(`invalid ${kind} id "${value}": use 1-63 lowercase letters, digits or dashes, starting with a letter or digit`);
  }
  return value as Id<K>;
}
