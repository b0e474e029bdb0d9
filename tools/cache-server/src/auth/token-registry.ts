import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenScope } from './tokens-schema.js';

/** Who a request authenticated as: the token's name and scope, never the secret. */
export interface AccessToken {
  /** The token's name from the tokens document: what the logs show. */
  readonly name: string;
  /** What the token may do. */
  readonly scope: TokenScope;
}

/** A token as the registry keeps it: the SHA-256 of the secret instead of the secret. */
export interface RegisteredToken extends AccessToken {
  /** 32 bytes: the SHA-256 of the secret. */
  readonly digest: Buffer;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The tokens a server accepts. A presented token is hashed and compared with every registered
 * digest in constant time, without stopping at the first match, so neither the position of a
 * token nor how much of it matched shows in the response time.
 */
export class TokenRegistry {
  readonly #tokens: readonly RegisteredToken[];

  constructor(tokens: readonly RegisteredToken[]) {
    this.#tokens = tokens.map((token) => ({ ...token, digest: Buffer.from(token.digest) }));
  }

  /** A registry from plain secrets (tests, the benchmark). */
  static fromSecrets(tokens: readonly (AccessToken & { readonly token: string })[]): TokenRegistry {
    return new TokenRegistry(tokens.map(({ name, scope, token }) => ({ name, scope, digest: sha256(token) })));
  }

  /** The names and scopes of the registered tokens. */
  get tokens(): readonly AccessToken[] {
    return this.#tokens.map(({ name, scope }) => ({ name, scope }));
  }

  /**
   * The token an `Authorization` header presents (`Bearer <token>`, scheme in any case), or
   * `undefined` when the header is missing, malformed or names no registered token.
   */
  identify(authorization: string | undefined): AccessToken | undefined {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    const presented = sha256(match[1]);
    let found: RegisteredToken | undefined;
    for (const token of this.#tokens) {
      if (timingSafeEqual(token.digest, presented) && found === undefined) found = token;
    }
    return found && { name: found.name, scope: found.scope };
  }
}
