import { createHash } from 'node:crypto';
import { CacheServerError } from '../cache-server-error.js';
import { TokenRegistry, type RegisteredToken } from './token-registry.js';
import { TokensDocumentSchema } from './tokens-schema.js';

/**
 * Parse a tokens document (JSON: `{ "tokens": [ { "name", "scope", "token" | "sha256" } ] }`).
 * `source` names where the text came from, for the error message.
 *
 * @throws CacheServerError ASW-904 when the text is not JSON, does not match the schema, or
 * repeats a name or a secret.
 */
export function parseTokens(text: string, source: string): TokenRegistry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CacheServerError(
      'ASW-904',
      `${source} is not valid JSON (${(error as Error).message}); see the tokens format in tools/cache-server/README.md`,
    );
  }
  const parsed = TokensDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new CacheServerError('ASW-904', `${source}: ${where}: ${issue?.message}; see the tokens format in tools/cache-server/README.md`);
  }
  const tokens: RegisteredToken[] = parsed.data.tokens.map(({ name, scope, token, sha256 }) => ({
    name,
    scope,
    digest: token === undefined ? Buffer.from(sha256 ?? '', 'hex') : createHash('sha256').update(token, 'utf8').digest(),
  }));
  tokens.forEach((token, index) => {
    const earlier = tokens.slice(0, index);
    if (earlier.some((other) => other.name === token.name))
      throw new CacheServerError(
        'ASW-904',
        `${source}: tokens.${index}.name: "${token.name}" is used twice; give every token its own name`,
      );
    const twin = earlier.find((other) => other.digest.equals(token.digest));
    if (twin)
      throw new CacheServerError(
        'ASW-904',
        `${source}: tokens.${index}: "${token.name}" has the same secret as "${twin.name}"; give every token its own secret`,
      );
  });
  return new TokenRegistry(tokens);
}
