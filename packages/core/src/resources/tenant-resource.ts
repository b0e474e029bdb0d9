/** Anything owned by exactly one tenant. */
export interface TenantResource {
  readonly tenantId: string;
}
