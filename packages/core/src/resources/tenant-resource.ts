/** Anything owned by exactly one tenant. */
export interface TenantResource {
  /** The owning tenant's id. */
  readonly tenantId: string;
}
