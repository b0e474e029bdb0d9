/**
 * The roles a principal can hold, from least to most privileged. `viewer`, `operator` and `admin`
 * act within the principal's tenant; `platform-admin` is the one role whose reach is the whole
 * platform: it sets the platform-wide kill switch (see `KillSwitchState`). It still sees only its
 * own tenant's resources.
 */
export const ROLES = ['viewer', 'operator', 'admin', 'platform-admin'] as const;

/** A role a principal holds. */
export type Role = (typeof ROLES)[number];
