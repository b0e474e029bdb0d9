/** Why an offline, frozen-lockfile install failed, and what to do, from pnpm's error code. */
const causes: readonly { readonly codes: readonly string[]; readonly explanation: string }[] = [
  {
    codes: ['ERR_PNPM_NO_OFFLINE_TARBALL', 'ERR_PNPM_NO_OFFLINE_META'],
    explanation:
      "the local pnpm store lacks a package the lockfile names. Run `pnpm install` at the repository root (the quick start's first command fills the store), then run this again",
  },
  {
    codes: ['ERR_PNPM_OUTDATED_LOCKFILE', 'ERR_PNPM_LOCKFILE_CONFIG_MISMATCH'],
    explanation:
      'pnpm-lock.yaml does not match the manifests. Run `pnpm install` at the repository root and commit pnpm-lock.yaml, then run this again',
  },
  {
    codes: ['ERR_PNPM_WORKSPACE_PKG_NOT_FOUND'],
    explanation:
      'a project of the closure depends on a workspace package that was not assembled: the domain cannot install without it, so it is not isolated',
  },
];

/** The cause and the fix for an install's output, or `undefined` when pnpm's code is not one we know. */
export function explainInstallFailure(output: string): string | undefined {
  return causes.find(({ codes }) => codes.some((code) => output.includes(code)))?.explanation;
}
