import type { OperatorIdentity } from './operator-identity.js';
import { ROLES } from './roles.js';

const KEY = 'alphaswarm.operator-ui.identity';

/** Who the page acts as when nothing was picked yet: an operator of tenant `acme`. */
export const DEFAULT_IDENTITY: OperatorIdentity = { tenant: 'acme', principal: 'ada', role: 'operator' };

/** The identity picked last in this browser, or {@link DEFAULT_IDENTITY}. */
export function loadIdentity(storage: Pick<Storage, 'getItem'> | undefined): OperatorIdentity {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return DEFAULT_IDENTITY;
    const tenant = Reflect.get(saved, 'tenant');
    const principal = Reflect.get(saved, 'principal');
    const role = ROLES.find((candidate) => candidate === Reflect.get(saved, 'role'));
    return typeof tenant === 'string' && typeof principal === 'string' && role ? { tenant, principal, role } : DEFAULT_IDENTITY;
  } catch {
    return DEFAULT_IDENTITY;
  }
}

/** Remember the picked identity in this browser (nothing secret: it is what the headers say). */
export function saveIdentity(storage: Pick<Storage, 'setItem'> | undefined, identity: OperatorIdentity): void {
  try {
    storage?.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Storage may be full or disabled; the picker still works for this page.
  }
}
