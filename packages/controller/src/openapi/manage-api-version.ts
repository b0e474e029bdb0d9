/**
 * The version of the manage API contract (`info.version` of its OpenAPI document). Semver: bump
 * the major on an incompatible change, the minor on an addition.
 */
export const MANAGE_API_VERSION = '1.0.0';
