import type { ManageIdentity, Role } from '@alphaswarm/client';

/** Who the page acts as: the identity headers the controller reads, one role at a time. */
export interface OperatorIdentity {
  /** The tenant, sent as `x-alphaswarm-tenant`. */
  readonly tenant: string;
  /** Who acts, sent as `x-alphaswarm-principal`. */
  readonly principal: string;
  /** The one role claimed, sent as `x-alphaswarm-roles`; what it allows is the API's answer. */
  readonly role: Role;
}

/** The identity headers for {@link OperatorIdentity}, as the client sends them. */
export function toManageIdentity({ tenant, principal, role }: OperatorIdentity): ManageIdentity {
  return { tenant, principal, roles: [role] };
}
