/**
 * Versioned public API reports: one api-extractor report per exported entry point of a package,
 * checked in under `api/`, headed by the package version, and a check that fails on drift.
 *
 * @packageDocumentation
 */
export { ApiReportError } from './lib/api-report-error.js';
export { entryPoints, readManifest, reportName } from './lib/entry-points.js';
export type { EntryPoint, PackageManifest } from './lib/entry-points.js';
export { reportHeader, reportedVersion } from './lib/report-header.js';
export { runApiReports } from './lib/api-reports.js';
export { normaliseReport } from './lib/normalise-report.js';
export { apiSurface, compareApiSurface } from './lib/compare-api-surface.js';
export type { ApiSurfaceChange } from './lib/compare-api-surface.js';
export type { ApiReportOptions, ApiReportStatus } from './lib/api-reports.js';
