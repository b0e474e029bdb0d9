// Flat ESLint config for the whole workspace. The boundary rules are not written here:
// they are derived from the boundary policy (tools/policy/policy.json), so the table has
// exactly one home. tools/policy/src/eslint-policy.spec.ts lints fixture sources through
// this file and checks every ordered pair of domains against the policy.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import nx from '@nx/eslint-plugin';

const root = import.meta.dirname;
const policy = JSON.parse(readFileSync(join(root, 'tools/policy/policy.json'), 'utf8'));
const sourceFiles = ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.cjs'];

/** Every workspace project: its root, package name and tags, read as Nx reads them. */
const projects = ['packages', 'tools'].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'package.json')))
        .map((entry) => {
          const manifest = JSON.parse(readFileSync(join(root, dir, entry.name, 'package.json'), 'utf8'));
          return { root: `${dir}/${entry.name}`, packageName: manifest.name, tags: manifest.nx?.tags ?? [] };
        })
    : [],
);

const domains = new Map(policy.domains.map((domain) => [domain.name, domain]));
/** A project belongs to the most specific domain whose tags it carries. */
const domainOf = (tags) =>
  policy.domains
    .filter((domain) => domain.tags.every((tag) => tags.includes(tag)))
    .sort((a, b) => b.tags.length - a.tags.length)[0];
/** The tag that tells this domain's projects apart from every other domain's. */
const identifyingTag = (domain) => domain.tags[domain.tags.length - 1];
const isAllowed = (from, to) =>
  from.name === to.name || (from.mayImport.includes(to.name) && to.importableBy.includes(from.name));
const seedRule = (id) => `${id}: "${policy.seedRules[id]}"`;
const escapeForSelector = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '\\x2F');

/** Nx tag constraints, one per domain row and one per type; `extra` widens a domain for shim files. */
const depConstraints = (extra = {}) => [
  ...policy.domains.map((from) => {
    const allowed = policy.domains
      .filter((to) => isAllowed(from, to) || (extra[from.name] ?? []).includes(to.name))
      .map(identifyingTag);
    const source = from.tags.length === 1 ? { sourceTag: from.tags[0] } : { allSourceTags: from.tags };
    const banned = from.bannedExternals ? { bannedExternalImports: from.bannedExternals.packages } : {};
    return { ...source, onlyDependOnLibsWithTags: [...new Set(allowed)], ...banned };
  }),
  ...policy.types.map((type) => ({
    sourceTag: type.tag,
    onlyDependOnLibsWithTags: policy.types.filter((to) => type.mayImport.includes(to.name)).map((to) => to.tag),
  })),
];

/** Every syntactic form that names a module: a restriction applies to all of them. */
const importForms = (pattern) => [
  `ImportDeclaration[source.value=${pattern}]`,
  `ExportAllDeclaration[source.value=${pattern}]`,
  `ExportNamedDeclaration[source.value=${pattern}]`,
  `ImportExpression[source.value=${pattern}]`,
  `CallExpression[callee.name='require'][arguments.0.value=${pattern}]`,
  `TSImportType[argument.literal.value=${pattern}]`,
  `TSExternalModuleReference[expression.value=${pattern}]`,
];
const restrict = (pattern, message) => importForms(pattern).map((selector) => ({ selector, message }));
const packagePattern = (name) => `/^${escapeForSelector(name).replace('\\*', '[^\\x2F]+')}(\\x2F.*)?$/`;

const shimRestrictions = policy.shims.flatMap((shim) => {
  const monolith = projects.find((project) => project.root === shim.file.split('/').slice(0, 2).join('/'));
  const legacyPath = `${monolith?.packageName ?? '@alphaswarm/monolith'}${shim.subpath.slice(1)}`;
  return restrict(
    `/^${escapeForSelector(legacyPath)}$/`,
    `${legacyPath} is a legacy deprecation shim (${shim.legacy}); workspace code imports ${shim.target} directly. ${seedRule('legacy-shims')}`,
  );
});

/** Messages that name both projects and the seed rule, for every forbidden pair. */
const restrictionsFor = (from, extra = []) => {
  const forbidden = projects
    .map((project) => ({ project, to: domainOf(project.tags) }))
    .filter(({ to }) => to && !isAllowed(from, to) && !extra.includes(to.name))
    .flatMap(({ project, to }) =>
      restrict(
        packagePattern(project.packageName),
        `${from.name} -> ${to.name} is forbidden: ${project.packageName} is off-limits to ${from.name} (${seedRule(to.reverseRule ?? from.rule)}). ${from.name} may import: ${[from.name, ...from.mayImport.filter((name) => isAllowed(from, domains.get(name)))].join(', ')}.`,
      ),
    );
  const banned = (from.bannedExternals?.packages ?? []).flatMap((name) =>
    restrict(
      packagePattern(name),
      `${from.name} must not depend on ${name}: ${seedRule(from.bannedExternals.rule)} Keep frameworks, ORMs, queues and cloud SDKs in the domains that own them.`,
    ),
  );
  return [...forbidden, ...banned, ...shimRestrictions];
};

const shimFiles = policy.shims.map((shim) => shim.file);
const shimGrants = policy.shims.reduce((grants, shim) => {
  const from = domainOf(projects.find((project) => shim.file.startsWith(`${project.root}/`))?.tags ?? []);
  if (from) grants[from.name] = [...(grants[from.name] ?? []), shim.targetDomain];
  return grants;
}, {});

const boundaryOptions = (extra) => ({
  enforceBuildableLibDependency: true,
  allow: [],
  depConstraints: depConstraints(extra),
});

export default [
  // Base JavaScript and TypeScript rules from Nx.
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  // Never lint build output, caches or generated fixtures.
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/tmp', '**/vite.config.*.timestamp*', '**/vitest.config.*.timestamp*'] },
  // Module boundaries: the policy's domain and type constraints, everywhere.
  {
    files: sourceFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaryOptions({})] },
  },
  // Per-domain messages naming both projects and the seed rule (every import form, banned externals, shim paths).
  ...projects.flatMap((project) => {
    const from = domainOf(project.tags);
    if (!from) return [];
    return [
      {
        files: sourceFiles.map((glob) => `${project.root}/${glob}`),
        rules: { 'no-restricted-syntax': ['error', ...restrictionsFor(from)] },
      },
    ];
  }),
  // Legacy shim files: the only files of their domain that may import the extracted domains.
  {
    files: shimFiles,
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryOptions(shimGrants)],
      'no-restricted-syntax': [
        'error',
        ...Object.entries(shimGrants).flatMap(([name, extra]) => restrictionsFor(domains.get(name), extra)),
      ],
    },
  },
  // Config files are tooling entry points, not domain code.
  {
    files: ['**/*.mjs', '**/eslint.config.*', '**/vitest.config.*', '**/vite.config.*'],
    rules: { '@nx/enforce-module-boundaries': 'off', 'no-restricted-syntax': 'off' },
  },
  // Unused values are mistakes; an underscore marks a deliberate one.
  {
    files: sourceFiles,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
