/**
 * The environment for commands run in a workspace or folder assembled outside the repository:
 * without what would tie them back to it — `NODE_PATH` (set by pnpm's bin shims, it lets tools
 * resolve packages from the repository), the `NX_*` variables an outer Nx task sets (its workspace
 * root, task hash and project), the gate's own task-results file, and pnpm's silent reporter
 * (`pnpm -s gate`), which would hide why an install failed.
 */
export function isolatedEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(
    ([name]) =>
      name !== 'NODE_PATH' &&
      name !== 'ASW_NX_TASK_RESULTS' &&
      name !== 'npm_config_loglevel' &&
      name !== 'npm_config_reporter' &&
      !(name.startsWith('NX_') && name !== 'NX_NO_CLOUD' && name !== 'NX_DAEMON'),
  );
  return { ...Object.fromEntries(kept), NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', CI: 'true' };
}
