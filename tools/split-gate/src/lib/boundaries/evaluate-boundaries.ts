import { posix } from 'node:path';
import { bannedExternalsOf, domainOfTags, isBannedPackage, isDependencyAllowed, type Policy, type PolicyDomain } from '@alphaswarm/policy';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import type { BoundaryViolation, ViolationEvidence, ViolationKind } from './boundary-violation.js';

/** File → the module specifiers its source names (only for the files that had to be read). */
export type SourceSpecifiers = ReadonlyMap<string, readonly string[]>;

interface Context {
  readonly policy: Policy;
  readonly projects: ReadonlyMap<string, WorkspaceProject>;
  readonly domains: ReadonlyMap<string, PolicyDomain | undefined>;
  /** Projects by root, longest first, to find the owner of a path. */
  readonly roots: readonly WorkspaceProject[];
  /** Legacy shim import path (`@alphaswarm/monolith/rl`) → its shim. */
  readonly shimPaths: ReadonlyMap<string, Policy['shims'][number]>;
  readonly found: Map<string, BoundaryViolation>;
}

/**
 * The whole-workspace boundary verdict: every file → project and file → package edge of the
 * graph, plus the specifiers read from the files that needed it, judged by the policy. Pure:
 * the same graph gives the same violations, sorted by domain, file and target.
 */
export function evaluateBoundaries(policy: Policy, graph: WorkspaceGraph, sources: SourceSpecifiers = new Map()): BoundaryViolation[] {
  const projects = new Map(graph.projects.map((project) => [project.name, project]));
  const context: Context = {
    policy,
    projects,
    domains: new Map(graph.projects.map((project) => [project.name, domainOfTags(policy, project.tags)])),
    roots: [...graph.projects].sort((a, b) => b.root.length - a.root.length),
    // Compatibility bindings re-exported by a package entry have no legacy path of their own.
    shimPaths: new Map(
      policy.shims
        .filter((shim) => shim.bindings === undefined)
        .map((shim) => [`${projects.get(shim.project)?.packageName ?? `@alphaswarm/${shim.project}`}${shim.subpath.slice(1)}`, shim]),
    ),
    found: new Map(),
  };
  for (const { file, project, deps } of graph.files) {
    const domain = context.domains.get(project);
    if (!domain) continue;
    const manifest = file === `${projects.get(project)?.root}/package.json`;
    for (const dep of deps) {
      const evidence: ViolationEvidence = manifest ? 'manifest' : dep.type === 'dynamic' ? 'dynamic' : 'static';
      if (dep.type === 'implicit' || dep.target === project) continue;
      const packageName = graph.externalPackages[dep.target];
      if (packageName !== undefined) checkPackage(context, file, project, domain, packageName, evidence, undefined);
      else checkProject(context, file, project, domain, dep.target, evidence, manifest);
    }
    for (const specifier of sources.get(file) ?? []) checkSpecifier(context, file, project, domain, specifier);
  }
  return [...context.found.values()].sort(
    (a, b) =>
      a.domain.localeCompare(b.domain) || a.file.localeCompare(b.file) || a.target.localeCompare(b.target) || a.kind.localeCompare(b.kind),
  );
}

function checkProject(
  context: Context,
  file: string,
  project: string,
  domain: PolicyDomain,
  target: string,
  evidence: ViolationEvidence,
  manifest: boolean,
): void {
  const { policy } = context;
  const targetDomain = context.domains.get(target);
  if (!targetDomain) {
    report(context, {
      file,
      project,
      domain: domain.name,
      target,
      targetDomain: undefined,
      kind: 'untagged-project',
      evidence: [evidence],
      specifier: undefined,
      rule: 'typed-contracts',
      seedRule: policy.seedRules['typed-contracts'] ?? '',
      fix: `give ${target} exactly one domain tag of ${'tools/policy/policy.json'} (and one type tag), or stop importing it`,
    });
    return;
  }
  // A manifest may declare whatever some file of its project may import (the shims included).
  const grantFile = manifest
    ? policy.shims.find((shim) => shim.project === project && shim.targetDomain === targetDomain.name)?.file
    : file;
  const verdict = isDependencyAllowed(policy, domain.name, targetDomain.name, grantFile);
  if (verdict.allowed) return;
  report(context, {
    file,
    project,
    domain: domain.name,
    target,
    targetDomain: targetDomain.name,
    kind: 'forbidden-import',
    evidence: [evidence],
    specifier: undefined,
    rule: verdict.rule,
    seedRule: verdict.seedRule,
    fix: manifest ? `remove ${packageLabel(context, target)} from ${file}; ${verdict.fix}` : verdict.fix,
  });
}

function checkPackage(
  context: Context,
  file: string,
  project: string,
  domain: PolicyDomain,
  packageName: string,
  evidence: ViolationEvidence,
  specifier: string | undefined,
): void {
  const banned = bannedExternalsOf(context.policy, domain.name);
  if (!banned || !isBannedPackage(banned.packages, packageName)) return;
  report(context, {
    file,
    project,
    domain: domain.name,
    target: `npm:${packageName}`,
    targetDomain: undefined,
    kind: 'banned-external',
    evidence: [evidence],
    specifier,
    rule: banned.rule,
    seedRule: context.policy.seedRules[banned.rule] ?? '',
    fix: `remove ${packageName} from ${domain.name}: keep frameworks, ORMs, queues and cloud SDKs in the domain that owns them and give ${domain.name} only the types it needs`,
  });
}

function checkSpecifier(context: Context, file: string, project: string, domain: PolicyDomain, specifier: string): void {
  const shim = context.shimPaths.get(specifier);
  if (shim) {
    report(context, {
      file,
      project,
      domain: domain.name,
      target: shim.project,
      targetDomain: context.domains.get(shim.project)?.name,
      kind: 'legacy-shim-path',
      evidence: ['source'],
      specifier,
      rule: 'legacy-shims',
      seedRule: context.policy.seedRules['legacy-shims'] ?? '',
      fix: `import ${shim.target} instead of ${specifier}: the legacy path (${shim.legacy}) is a deprecation shim kept only for code outside the workspace`,
    });
    return;
  }
  if (specifier.startsWith('.')) {
    const path = posix.normalize(posix.join(posix.dirname(file), specifier));
    const owner = context.roots.find((candidate) => path === candidate.root || path.startsWith(`${candidate.root}/`));
    if (owner?.name === project) {
      checkShimModule(context, file, project, domain, specifier, path);
      return;
    }
    if (!owner) return;
    if (context.found.has(key(file, owner.name, 'forbidden-import'))) return;
    report(context, {
      file,
      project,
      domain: domain.name,
      target: owner.name,
      targetDomain: context.domains.get(owner.name)?.name,
      kind: 'relative-import',
      evidence: ['source'],
      specifier,
      rule: 'typed-contracts',
      seedRule: context.policy.seedRules['typed-contracts'] ?? '',
      fix: `import ${packageLabel(context, owner.name)} by its package name instead of ${specifier}: a path into another project's folder breaks when the repositories split`,
    });
    return;
  }
  if (!specifier.startsWith('/') && !specifier.startsWith('node:'))
    checkPackage(context, file, project, domain, packageOf(specifier), 'source', specifier);
}

const specFile = /\.(?:spec|test)\.[cm]?tsx?$/;

/**
 * Inside its own project a shim module is still a legacy path: a file that is neither a shim nor a
 * test imports the new home instead (the same rule as the workspace's ESLint config).
 */
function checkShimModule(context: Context, file: string, project: string, domain: PolicyDomain, specifier: string, path: string): void {
  if (specFile.test(file) || context.policy.shims.some((shim) => shim.file === file)) return;
  const module = path.replace(/\.[cm]?js$/, '');
  const shim = context.policy.shims.find(
    (candidate) => candidate.project === project && (candidate.file === `${module}.ts` || candidate.file === `${module}/index.ts`),
  );
  if (!shim || shim.entry === file) return;
  const legacyPath = [...context.shimPaths.entries()].find(([, candidate]) => candidate === shim)?.[0] ?? shim.subpath;
  report(context, {
    file,
    project,
    domain: domain.name,
    target: project,
    targetDomain: domain.name,
    kind: 'legacy-shim-path',
    evidence: ['source'],
    specifier,
    rule: 'legacy-shims',
    seedRule: context.policy.seedRules['legacy-shims'] ?? '',
    fix: `import ${shim.target} instead of ${specifier}: it is the legacy shim ${legacyPath} (${shim.legacy}), kept only for code outside the workspace`,
  });
}

/** `@scope/name/deep` → `@scope/name`; `name/deep` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function packageLabel(context: Context, project: string): string {
  return context.projects.get(project)?.packageName ?? project;
}

function key(file: string, target: string, kind: ViolationKind): string {
  return `${file}\u0000${target}\u0000${kind}`;
}

function report(context: Context, violation: BoundaryViolation): void {
  const id = key(violation.file, violation.target, violation.kind);
  const existing = context.found.get(id);
  if (!existing) {
    context.found.set(id, violation);
    return;
  }
  const evidence = [...new Set([...existing.evidence, ...violation.evidence])].sort();
  context.found.set(id, { ...existing, evidence, specifier: existing.specifier ?? violation.specifier });
}
