// Flat ESLint config for the whole workspace. The boundary rules are not written here:
// they are derived from the boundary policy (tools/policy/policy.json), so the table has
// exactly one home. tools/policy/src/eslint-boundaries.spec.ts lints probe sources through
// this file and checks every ordered pair of domains, in every import form, against the policy.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import nx from '@nx/eslint-plugin';

const root = import.meta.dirname;
const policy = JSON.parse(readFileSync(join(root, 'tools/policy/policy.json'), 'utf8'));
const sourceFiles = ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.cjs'];

/** Every workspace project: its Nx name, root, package name and tags, read as Nx reads them. */
const projects = ['packages', 'tools'].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'package.json')))
        .map((entry) => {
          const manifest = JSON.parse(readFileSync(join(root, dir, entry.name, 'package.json'), 'utf8'));
          return {
            name: manifest.nx?.name ?? manifest.name,
            root: `${dir}/${entry.name}`,
            packageName: manifest.name,
            tags: manifest.nx?.tags ?? [],
          };
        })
    : [],
);

const domains = new Map(policy.domains.map((domain) => [domain.name, domain]));
/** A project belongs to the most specific domain whose tags it carries. */
const domainOf = (tags) =>
  policy.domains.filter((domain) => domain.tags.every((tag) => tags.includes(tag))).sort((a, b) => b.tags.length - a.tags.length)[0];
/** The tag that tells this domain's projects apart from every other domain's. */
const identifyingTag = (domain) => domain.tags[domain.tags.length - 1];
const isAllowed = (from, to) => from.name === to.name || (from.mayImport.includes(to.name) && to.importableBy.includes(from.name));
/** Cites a rule as citeRule in tools/policy does: a derived rule is never shown as the seed's words. */
const seedRule = (id) => `${id}${policy.derivedRules?.[id] ? ' (derived from the seed)' : ''}: "${policy.seedRules[id]}"`;
/** The seed rule a forbidden import breaks, chosen as isDependencyAllowed in tools/policy chooses it. */
const brokenRule = (from, to) => (from.mayImport.includes(to.name) ? (to.reverseRule ?? to.rule) : (to.reverseRule ?? from.rule));
/** Names both sides, the seed rule behind the constraint, and what the importer may use instead. */
const forbiddenMessage = (from, to, packageName) =>
  `${from.name} -> ${to.name} is forbidden: ${packageName} is off-limits to ${from.name} (${seedRule(brokenRule(from, to))}). ${from.name} may import: ${[from.name, ...from.mayImport.filter((name) => isAllowed(from, domains.get(name)))].join(', ')}.`;
const escapeForSelector = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '\\x2F');

/** Nx tag constraints, one per domain row and one per type; `extra` widens a domain for shim files. */
const depConstraints = (extra = {}) => [
  ...policy.domains.map((from) => {
    const allowed = policy.domains.filter((to) => isAllowed(from, to) || (extra[from.name] ?? []).includes(to.name)).map(identifyingTag);
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
  `TSImportType[source.value=${pattern}]`,
  `TSExternalModuleReference[expression.value=${pattern}]`,
];
const restrict = (pattern, message) => importForms(pattern).map((selector) => ({ selector, message }));
const packagePattern = (name) => `/^${escapeForSelector(name).replace('\\*', '[^\\x2F]+')}(\\x2F.*)?$/`;

/** Each policy shim with the package subpath it keeps alive, e.g. @alphaswarm/monolith/rl. */
const legacyShims = policy.shims.map((shim) => {
  const owner = projects.find((project) => project.root === shim.file.split('/').slice(0, 2).join('/'));
  return { ...shim, legacyPath: `${owner?.packageName ?? '@alphaswarm/monolith'}${shim.subpath.slice(1)}` };
});

const shimRestrictions = legacyShims.flatMap((shim) =>
  restrict(
    `/^${escapeForSelector(shim.legacyPath)}$/`,
    `${shim.legacyPath} is a legacy deprecation shim (${shim.legacy}); workspace code imports ${shim.target} directly. ${seedRule('legacy-shims')}`,
  ),
);

/** Messages that name both projects and the seed rule, for every forbidden pair. */
const restrictionsFor = (from, extra = []) => {
  const forbidden = projects
    .map((project) => ({ project, to: domainOf(project.tags) }))
    .filter(({ to }) => to && !isAllowed(from, to) && !extra.includes(to.name))
    .flatMap(({ project, to }) => restrict(packagePattern(project.packageName), forbiddenMessage(from, to, project.packageName)));
  const banned = (from.bannedExternals?.packages ?? []).flatMap((name) =>
    restrict(
      packagePattern(name),
      `${from.name} must not depend on ${name}: ${seedRule(from.bannedExternals.rule)} Keep frameworks, ORMs, queues and cloud SDKs in the domains that own them.`,
    ),
  );
  return [...forbidden, ...banned, ...shimRestrictions];
};

/** The project a path belongs to: the deepest project root that contains it. */
const projectAt = (path) =>
  projects
    .filter((project) => path === join(root, project.root) || path.startsWith(join(root, project.root) + sep))
    .sort((a, b) => b.root.length - a.root.length)[0];

/** Each legacy shim file may import the one domain it re-exports, and nothing else outside the table. */
const shimOverrides = policy.shims.flatMap((shim) => {
  const from = domainOf(projects.find((project) => project.name === shim.project)?.tags ?? []);
  return from ? [{ file: shim.file, from, grant: { [from.name]: [shim.targetDomain] } }] : [];
});

/**
 * A relative or absolute specifier that leaves the importing project. Nx reports it ("Projects
 * cannot be imported by a relative or absolute path") without naming either project; this names
 * both, and the policy verdict when the pair is forbidden.
 */
const noCrossRootPath = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Name both projects when a relative or absolute import crosses package roots, and refuse relative imports of a legacy shim module',
    },
    schema: [],
  },
  create(context) {
    const from = projectAt(context.filename);
    const fromDomain = from && domainOf(from.tags);
    if (!fromDomain) return {};
    const shim = shimOverrides.find((override) => join(root, override.file) === context.filename);
    const isSpec = /\.(spec|test)\.[cm]?tsx?$/.test(context.filename);
    /** Inside its own project a shim module is still a legacy path: only its tests may import it. */
    const checkShimModule = (node, target) => {
      const module = target.replace(/\.[cm]?js$/, '');
      const reached = legacyShims.find(({ file }) => [`${module}.ts`, join(module, 'index.ts')].includes(join(root, file)));
      if (!reached || isSpec || shim) return;
      context.report({
        node,
        message: `${node.value} is the legacy shim ${reached.legacyPath} (${reached.legacy}); code in ${from.name} imports ${reached.target} instead. ${seedRule('legacy-shims')}`,
      });
    };
    const check = (node) => {
      if (node?.type !== 'Literal' || typeof node.value !== 'string' || !/^[./]/.test(node.value)) return;
      const target = resolve(dirname(context.filename), node.value);
      const to = projectAt(target);
      if (to === from) return checkShimModule(node, target);
      if (!to) return;
      const toDomain = domainOf(to.tags);
      const allowed = !toDomain || isAllowed(fromDomain, toDomain) || (shim?.grant[fromDomain.name] ?? []).includes(toDomain.name);
      const verdict = allowed ? '' : ` ${forbiddenMessage(fromDomain, toDomain, to.packageName)}`;
      context.report({
        node,
        message: `${from.name} -> ${to.name}: ${node.value} crosses from ${from.packageName} into ${to.packageName}; import ${to.packageName} by its package name.${verdict}`,
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      "CallExpression[callee.name='require']": (node) => check(node.arguments[0]),
      TSImportType: (node) => check(node.source),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

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
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/coverage',
      '**/tmp',
      '**/vite.config.*.timestamp*',
      '**/vitest.config.*.timestamp*',
    ],
  },
  // Module boundaries: the policy's domain and type constraints, and relative paths across package roots, everywhere.
  {
    files: sourceFiles,
    plugins: { alphaswarm: { rules: { 'no-cross-root-path': noCrossRootPath } } },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryOptions({})],
      'alphaswarm/no-cross-root-path': 'error',
    },
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
  // Legacy shim files: the only files of their domain that may import an extracted domain, each the one it re-exports.
  ...shimOverrides.map(({ file, from, grant }) => ({
    files: [file],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryOptions(grant)],
      'no-restricted-syntax': ['error', ...restrictionsFor(from, grant[from.name])],
    },
  })),
  // Config files are tooling entry points, not domain code.
  {
    files: ['**/*.mjs', '**/eslint.config.*', '**/vitest.config.*', '**/vitest.*.config.*', '**/vite.config.*'],
    rules: { '@nx/enforce-module-boundaries': 'off', 'alphaswarm/no-cross-root-path': 'off', 'no-restricted-syntax': 'off' },
  },
  // Unused values are mistakes; an underscore marks a deliberate one.
  {
    files: sourceFiles,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
