import { join, posix } from 'node:path';
import { formatFiles, generateFiles, readJson, updateJson, writeJson, type Tree } from '@nx/devkit';
import {
  POLICY_PATH,
  PolicyError,
  addDomain,
  citeRule,
  domainOfTags,
  findDomain,
  parsePolicy,
  type Policy,
  type PolicyDomain,
} from '@alphaswarm/policy';
import { apiReportProjects } from '../../lib/api-report-projects.js';
import { ciWorkflowGenerator } from '../ci-workflow/ci-workflow.js';
import { CI_WORKFLOW_PATH } from '../ci-workflow/render-ci-workflow.js';
import { updateDomainMap } from '../../lib/domain-map.js';
import { assertDomainName, listOption } from '../../lib/names.js';
import { postGenerationTask, type PostGenerationCallback } from '../../lib/post-generation-task.js';
import { readPolicy } from '../../lib/read-policy.js';
import { templatesRoot } from '../../lib/templates-root.js';
import { readWorkspaceProjects, type PackageManifest, type WorkspaceProject } from '../../lib/workspace-projects.js';
import type { DomainGeneratorSchema } from './schema.js';

/** The options after defaults and checks: everything the templates and the policy edit need. */
export interface NormalizedDomainOptions {
  readonly name: string;
  readonly root: string;
  readonly packageName: string;
  readonly type: string;
  readonly title: string;
  readonly owns: string;
  readonly doesNotOwn: string;
  readonly allow: readonly string[];
  readonly importableBy: readonly string[];
  /** The policy as it will be written. */
  readonly policy: Policy;
  /** The workspace projects of the allowed domains: the new package's dependencies. */
  readonly dependencies: readonly WorkspaceProject[];
}

const NEW_DOMAIN_RULE = 'typed-contracts';

/**
 * `nx g @alphaswarm/workspace-plugin:domain <name> --allow=<domain,…>`: a complete domain library in
 * packages/<name>, registered in the boundary policy, with the docs generated from the policy kept
 * in step. Every check runs before the first write. The returned callback installs (linking the new
 * workspace dependencies), writes the API report and regenerates the docs that need a build, so the
 * workspace's test command passes right after; it prints what it left to do.
 */
export async function domainGenerator(tree: Tree, schema: DomainGeneratorSchema): Promise<PostGenerationCallback> {
  const options = normalizeOptions(tree, schema);
  updateJson(tree, POLICY_PATH, () => options.policy);
  parsePolicy(readJson(tree, POLICY_PATH));
  // The CI matrix is derived from the policy: keep it in step in the same tree, so `nx sync:check` stays green.
  if (tree.exists(CI_WORKFLOW_PATH)) await ciWorkflowGenerator(tree);
  writeJson(tree, `${options.root}/package.json`, manifestFor(options));
  generateFiles(tree, join(templatesRoot(), 'domain', 'files'), options.root, templateValues(options));
  updateJson(tree, 'tsconfig.json', (tsconfig: { references?: { path: string }[] }) => ({
    ...tsconfig,
    references: [...(tsconfig.references ?? []), { path: `./${options.root}` }],
  }));
  updateDomainMap(tree, options.policy);
  if (!schema.skipFormat) await formatFiles(tree);
  // Each step needs the one before: no build before the install, no readiness before the report.
  const install = !schema.skipInstall;
  const apiReports = install && !schema.skipApiReport ? apiReportProjects(tree, [options.name]) : [];
  const docs = apiReports.length > 0;
  const skipped = [
    ...(install ? [] : ['pnpm install']),
    ...(docs ? [] : [`pnpm nx run ${options.name}:api-report --update`, 'pnpm docs:update']),
  ];
  return postGenerationTask(tree, { install, apiReports, docs }, skipped);
}

export default domainGenerator;

/** Check the options against the workspace and the policy; throws a PolicyError naming the value and the fix. */
export function normalizeOptions(tree: Tree, schema: DomainGeneratorSchema): NormalizedDomainOptions {
  const name = typeof schema.name === 'string' ? schema.name.trim() : schema.name;
  assertDomainName(name);
  const policy = readPolicy(tree);
  const projects = readWorkspaceProjects(tree);
  const root = `packages/${name}`;
  const packageName = `@alphaswarm/${name}`;
  if (policy.domains.some((domain) => domain.name === name)) {
    throw new PolicyError('ASW-1305', `domain "${name}" already exists in ${POLICY_PATH}; choose another name (a domain is added once).`);
  }
  const clash = projects.find((project) => project.name === name || project.packageName === packageName);
  if (clash)
    throw new PolicyError(
      'ASW-1306',
      `"${name}" is already the project ${clash.name} (${clash.packageName}, ${clash.root}); choose another name.`,
    );
  if (tree.exists(root)) throw new PolicyError('ASW-1307', `${root} already exists; choose another name or remove that folder first.`);

  const allow = listOption(schema.allow);
  const importableBy = listOption(schema.importableBy);
  const known = policy.domains.map((domain) => domain.name);
  for (const [flag, names] of [
    ['--allow', allow],
    ['--importable-by', importableBy],
  ] as const) {
    const unknown = names.find((candidate) => !known.includes(candidate));
    if (unknown !== undefined)
      throw new PolicyError('ASW-1308', `${flag} names unknown domain "${unknown}"; known domains: ${known.join(', ')}.`);
  }
  for (const name of allow) {
    const allowed = findDomain(policy, name) as PolicyDomain;
    const tag = allowed.tags[allowed.tags.length - 1] as string;
    const unreached = projects
      .map((project) => ({ project, domain: domainOfTags(policy, project.tags) }))
      .filter(({ project, domain }) => project.tags.includes(tag) && domain !== undefined && !allow.includes(domain.name));
    const first = unreached[0];
    if (first?.domain) {
      const others = [...new Set(unreached.map(({ domain }) => domain?.name as string))];
      throw new PolicyError(
        'ASW-1340',
        `--allow=${name} would let ${name} import every project tagged ${tag}, and ${unreached.map(({ project, domain }) => `${project.name} (domain ${domain?.name})`).join(', ')} carries that tag too: the boundary rule grants tags, not projects, and ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} granted per project (${citeRule(policy, first.domain.rule)}). Add ${others.join(',')} to --allow as well, or drop ${name}.`,
      );
    }
  }
  const type = schema.type?.trim() || 'runtime';
  const types = productTypes(policy);
  if (!types.includes(type)) throw new PolicyError('ASW-1309', `--type=${type} is not a product type; use one of: ${types.join(', ')}.`);

  const title =
    schema.title?.trim() ||
    name
      .split('-')
      .map((word) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`)
      .join(' ');
  const owns = sentence(schema.owns) || `The ${title} domain's code and tests`;
  const doesNotOwn =
    sentence(schema.doesNotOwn) ||
    `Code of other domains; anything outside what ${allow.length > 0 ? allow.join(', ') : 'itself'} provide${allow.length === 1 ? 's' : ''}`;
  const next = addDomain(policy, {
    name,
    title,
    seedPath: `(added by the domain generator) ${root}/`,
    owns,
    doesNotOwn,
    mayImport: allow,
    importableBy,
    rule: NEW_DOMAIN_RULE,
  });

  const projectsOf = (domain: string) => projects.filter((project) => domainOfTags(policy, project.tags)?.name === domain);
  const typeOf = (project: WorkspaceProject) => project.tags.find((tag) => tag.startsWith('type:'))?.slice('type:'.length);
  const mayImportType = (from: string | undefined, to: string | undefined) =>
    from === undefined || to === undefined || policy.types.find((candidate) => candidate.name === from)?.mayImport.includes(to) === true;
  for (const domain of allow) {
    const blocked = projectsOf(domain).find((project) => !mayImportType(type, typeOf(project)));
    if (blocked)
      throw new PolicyError(
        'ASW-1310',
        `--type=${type} may not import type:${typeOf(blocked)} (${blocked.name}, allowed by --allow=${domain}); choose a --type whose imports include ${typeOf(blocked)}, or drop ${domain} from --allow.`,
      );
  }
  for (const domain of importableBy) {
    const blocked = projectsOf(domain).find((project) => !mayImportType(typeOf(project), type));
    if (blocked)
      throw new PolicyError(
        'ASW-1310',
        `${blocked.name} (type:${typeOf(blocked)}) may not import type:${type}, so --importable-by=${domain} cannot work; choose another --type or drop ${domain}.`,
      );
  }
  return {
    name,
    root,
    packageName,
    type,
    title,
    owns,
    doesNotOwn,
    allow,
    importableBy,
    policy: next,
    dependencies: allow.flatMap(projectsOf),
  };
}

/** The types a domain may have: the policy's types except tooling (the schema's `--type` help lists them). */
export function productTypes(policy: Policy): string[] {
  return policy.types.filter((candidate) => candidate.name !== 'tooling').map((candidate) => candidate.name);
}

/** A one-line description without the trailing full stop the templates add. */
function sentence(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').replace(/\.+$/, '');
}

function manifestFor(options: NormalizedDomainOptions): PackageManifest & Record<string, unknown> {
  const dependencies = Object.fromEntries(options.dependencies.map((project) => [project.packageName, 'workspace:*']));
  return {
    name: options.packageName,
    version: '0.1.0',
    description: `${options.title}: ${options.owns}.`,
    license: 'UNLICENSED',
    type: 'module',
    exports: {
      '.': { types: './dist/index.d.ts', '@alphaswarm/source': './src/index.ts', import: './dist/index.js', default: './dist/index.js' },
      './package.json': './package.json',
    },
    types: './dist/index.d.ts',
    files: ['dist', '!dist/**/*.tsbuildinfo'],
    sideEffects: false,
    engines: { node: '>=20.19' },
    ...(options.dependencies.length > 0 ? { dependencies } : {}),
    nx: {
      name: options.name,
      tags: [`domain:${options.name}`, `type:${options.type}`],
      targets: { 'api-report': {}, 'package-check': {}, 'deep-proof': {}, gate: {} },
    },
  };
}

function templateValues(options: NormalizedDomainOptions) {
  return {
    ...options,
    tmpl: '',
    references: options.dependencies.map((project) => `${posix.relative(options.root, project.root)}/tsconfig.lib.json`),
  };
}
