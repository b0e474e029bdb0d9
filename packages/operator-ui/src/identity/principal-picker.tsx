import type { Role } from '@alphaswarm/client';
import { useState } from 'preact/hooks';
import type { OperatorIdentity } from './operator-identity.js';
import { ROLES } from './roles.js';

/** Props of {@link PrincipalPicker}. */
export interface PrincipalPickerProps {
  readonly identity: OperatorIdentity;
  /** Called with the identity to act as from now on. */
  readonly onChange: (identity: OperatorIdentity) => void;
}

/**
 * For local use: who the page acts as. It only sets the identity headers the controller reads
 * (`x-alphaswarm-tenant`, `-principal`, `-roles`); the controller decides whether it trusts them
 * and what they allow.
 */
export function PrincipalPicker({ identity, onChange }: PrincipalPickerProps) {
  const [tenant, setTenant] = useState(identity.tenant);
  const [principal, setPrincipal] = useState(identity.principal);
  const [role, setRole] = useState<Role>(identity.role);
  return (
    <form
      class="picker"
      aria-label="Identity"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ tenant: tenant.trim(), principal: principal.trim(), role });
      }}
    >
      <label>
        Tenant
        <input name="tenant" value={tenant} onInput={(event) => setTenant(event.currentTarget.value)} autocomplete="off" />
      </label>
      <label>
        Principal
        <input name="principal" value={principal} onInput={(event) => setPrincipal(event.currentTarget.value)} autocomplete="off" />
      </label>
      <label>
        Role
        <select name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Act as this identity</button>
    </form>
  );
}
