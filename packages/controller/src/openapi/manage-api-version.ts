/**
 * The version of the manage API contract (`info.version` of its OpenAPI document). Semver: bump
 * the major on an incompatible change, the minor on an addition. 2.0.0: only `platform-admin` may
 * set the kill switch (it was `admin`); bearer tokens, state history, the audit log, 415 and 503.
 */
export const MANAGE_API_VERSION = '2.0.0';
