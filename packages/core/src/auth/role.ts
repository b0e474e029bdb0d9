/** The roles a principal can hold, from least to most privileged. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;

/** A role a principal holds within its tenant. */
export type Role = (typeof ROLES)[number];
