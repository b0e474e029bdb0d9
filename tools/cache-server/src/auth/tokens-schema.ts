import { z } from 'zod';

/** What a token may do: `read` for pull requests and forks, `read-write` for the default branch. */
export const TokenScopeSchema = z.enum(['read', 'read-write']);

/** What a token may do: `read` for pull requests and forks, `read-write` for the default branch. */
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** The shortest plain token accepted: anything shorter is guessable. */
export const MIN_TOKEN_LENGTH = 16;

/** One token of the tokens document: a name for the logs, a scope, and the secret or its SHA-256. */
export const TokenDefinitionSchema = z
  .strictObject({
    /** Shown in the logs instead of the token, e.g. `ci-pull-requests`. */
    name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a name is 1 to 64 letters, digits, ".", "_" or "-"'),
    scope: TokenScopeSchema,
    /** The secret itself. */
    token: z.string().min(MIN_TOKEN_LENGTH, `a token has at least ${MIN_TOKEN_LENGTH} characters`).optional(),
    /** The lowercase hex SHA-256 of the secret, so the file never holds the secret. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lowercase hex digits')
      .optional(),
  })
  .refine((definition) => (definition.token === undefined) !== (definition.sha256 === undefined), {
    message: 'give exactly one of "token" and "sha256"',
  });

/** One token of the tokens document. */
export type TokenDefinition = z.infer<typeof TokenDefinitionSchema>;

/** The tokens document (a `--tokens` file or the `CACHE_SERVER_TOKENS` variable). */
export const TokensDocumentSchema = z.strictObject({
  $comment: z.string().optional(),
  tokens: z.array(TokenDefinitionSchema).min(1, 'list at least one token'),
});

/** The tokens document (a `--tokens` file or the `CACHE_SERVER_TOKENS` variable). */
export type TokensDocument = z.infer<typeof TokensDocumentSchema>;
