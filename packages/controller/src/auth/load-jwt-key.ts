import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * The public key in `file`: PEM (SPKI, or a private key whose public half is taken) or a JWK as
 * JSON. Rejects with an Error naming the file and what it expected.
 */
export async function loadJwtKey(file: string): Promise<KeyObject> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`--jwt-key ${file} cannot be read (${error.code ?? error.message})`, { cause: error });
  });
  try {
    if (text.trimStart().startsWith('{')) return createPublicKey({ key: JSON.parse(text) as JsonWebKeyInput['key'], format: 'jwk' });
    return createPublicKey(text);
  } catch (error) {
    throw new Error(`--jwt-key ${file} is not a PEM public key or a JWK: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

type JsonWebKeyInput = Extract<Parameters<typeof createPublicKey>[0], { format: 'jwk' }>;
