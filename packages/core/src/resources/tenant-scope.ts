import type { Principal } from '../auth/principal.js';
import type { TenantResource } from './tenant-resource.js';

/** True when `resource` belongs to the tenant `principal` acts for. No role crosses tenants. */
export function isVisibleTo(principal: Principal, resource: TenantResource): boolean {
  return resource.tenantId === principal.tenantId;
}

/** The subset of `resources` that `principal` may see, in their original order. */
export function scopeToTenant<R extends TenantResource>(principal: Principal, resources: Iterable<R>): R[] {
  return [...resources].filter((resource) => isVisibleTo(principal, resource));
}
