import { PolicyError } from '@alphaswarm/policy';

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Names a new domain may never take: the fixed domains' family names and folders tools treat specially. */
export const RESERVED_NAMES: readonly string[] = Object.freeze([
  'core',
  'tooling',
  'monolith',
  'workspace',
  'source',
  'node-modules',
  'node_modules',
  'dist',
  'src',
  'lib',
  'api',
  'packages',
  'tools',
  'coverage',
  'tmp',
  'out-tsc',
]);

/** Refuse a name that is empty, has path segments, is not kebab-case or is reserved. */
export function assertDomainName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new PolicyError('ASW-1301', 'a domain name is required: nx g @alphaswarm/workspace-plugin:domain <name> --allow=core');
  }
  if (/[\\/]/.test(name) || name === '.' || name.includes('..')) {
    throw new PolicyError(
      'ASW-1302',
      `domain name "${name}" has path segments; give a bare kebab-case name (the library goes to packages/<name>).`,
    );
  }
  if (RESERVED_NAMES.includes(name)) {
    throw new PolicyError('ASW-1304', `domain name "${name}" is reserved (${RESERVED_NAMES.join(', ')}); choose another name.`);
  }
  if (!kebabCase.test(name) || name.length > 40) {
    throw new PolicyError(
      'ASW-1303',
      `domain name "${name}" is not kebab-case: use lowercase letters, digits and single dashes, starting with a letter, at most 40 characters (e.g. "${suggest(name)}").`,
    );
  }
}

/** Split `a,b` / `['a', 'b,c']` option values into a clean list without duplicates. */
export function listOption(value: string | readonly string[] | undefined): string[] {
  const items = (typeof value === 'string' ? [value] : (value ?? [])).flatMap((item) => item.split(','));
  return [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
}

function suggest(name: string): string {
  const fixed = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return fixed === '' ? 'my-domain' : fixed.slice(0, 40);
}
