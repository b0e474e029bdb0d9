import { readFileSync } from 'node:fs';
import { CacheServerError } from '../cache-server-error.js';
import { parseTokens } from './parse-tokens.js';
import type { TokenRegistry } from './token-registry.js';

/** The environment variable that holds the tokens document when no `--tokens` file is given. */
export const TOKENS_ENV = 'CACHE_SERVER_TOKENS';

/**
 * The server's tokens: from `file` when given, else from the `CACHE_SERVER_TOKENS` variable of
 * `env`.
 *
 * @throws CacheServerError ASW-903 when neither is set, ASW-904 when the one given is unusable.
 */
export function loadTokens(file: string | undefined, env: Readonly<Record<string, string | undefined>>): TokenRegistry {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CacheServerError(
        'ASW-904',
        `cannot read the tokens file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); pass an existing file to --tokens`,
      );
    }
    return parseTokens(text, file);
  }
  const inline = env[TOKENS_ENV];
  if (inline === undefined || inline.trim() === '') {
    throw new CacheServerError(
      'ASW-903',
      `no tokens: pass --tokens <file> or set ${TOKENS_ENV} to a tokens document (see tools/cache-server/README.md); the server never runs without authentication`,
    );
  }
  return parseTokens(inline, TOKENS_ENV);
}
