/** Every control-plane route lives under this prefix. */
export const MANAGE_PREFIX = '/manage';

/** True when `path` is the manage API root or below it. */
export function isManagePath(path: string): boolean {
  return path === MANAGE_PREFIX || path.startsWith(`${MANAGE_PREFIX}/`);
}
