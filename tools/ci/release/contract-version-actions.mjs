// The version actions of `nx release` (nx.json release.version.versionActions): Nx's own for
// JavaScript packages, plus the rules of this workspace's contracts criterion (the split gate):
// below 1.0 a breaking change is a minor bump; a package whose API report changed since its last
// release tag gets at least a minor bump; and every API report under api/ names the version it
// describes, so versioning rewrites the reports' headers with the package.json version.
// Plain JavaScript on purpose: Nx loads this file before anything is built. The rules themselves are
// TypeScript in src/release/ (tested there); release.version.preVersionCommand builds them before
// versioning starts, and this file imports them only then.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const js = require('@nx/js/src/release/version-actions');

/** Nx calls this once after every project is versioned (JS: refresh the lockfile). */
export const afterAllProjectsVersioned = js.afterAllProjectsVersioned;

const rules = () =>
  import('../dist/release/contract-rules.js').catch((error) => {
    throw new Error(
      `tools/ci is not built (${error.message}): release.version.preVersionCommand builds it; run \`pnpm nx run ci:build\` and release again`,
    );
  });

export default class ContractVersionActions extends js.default {
  async calculateNewVersion(currentVersion, newVersionInput, newVersionInputReason, newVersionInputReasonData, preid) {
    const { contractBump, reportsChangedSince } = await rules();
    const { name, data } = this.projectGraphNode;
    const changed = currentVersion ? reportsChangedSince(process.cwd(), data.root, `${name}@${currentVersion}`) : [];
    const input = contractBump(currentVersion, newVersionInput, changed);
    const result = await super.calculateNewVersion(
      currentVersion,
      input.specifier,
      newVersionInputReason,
      newVersionInputReasonData,
      preid,
    );
    return input.note ? { ...result, logText: `${result.logText} (${input.note})` } : result;
  }

  async updateProjectVersion(tree, newVersion) {
    const { updateReportHeaders } = await rules();
    const logs = await super.updateProjectVersion(tree, newVersion);
    return [...logs, ...updateReportHeaders(tree, this.projectGraphNode.data.root, newVersion)];
  }
}
