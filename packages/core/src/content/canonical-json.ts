import canonicalize from 'canonicalize';

/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object keys sorted, no insignificant
 * whitespace, so equal values serialise to equal bytes and therefore to equal content addresses.
 *
 * @throws TypeError for a value JSON cannot represent (undefined, NaN, Infinity, a function, a
 * symbol, a cycle).
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
