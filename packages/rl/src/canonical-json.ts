import canonicalize from 'canonicalize';

/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object keys sorted, no insignificant
 * whitespace, so equal specs serialise to equal bytes and therefore to equal locks.
 *
 * @throws TypeError for values JSON cannot represent (NaN, Infinity, functions, symbols, cycles).
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new TypeError(`canonicalJson: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (text === undefined) throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  return text;
}
