import type { PrincipalId, TenantId } from '../ids.js';
import type { Role } from './role.js';

/** An authenticated caller: who it is, which tenant it acts for and the roles it holds there. */
export interface Principal {
  /** Who the caller is. */
  readonly id: PrincipalId;
  /** The one tenant the caller acts for; every resource it sees belongs to it. */
  readonly tenantId: TenantId;
  /** The caller's roles in that tenant. */
  readonly roles: readonly Role[];
}
