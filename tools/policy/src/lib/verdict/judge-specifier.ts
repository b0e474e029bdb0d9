import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { bannedExternalsOf, isBannedPackage } from '../dependency-rules.js';
import type { SourceSpecifier, UnresolvedSpecifier } from '../specifiers/source-specifier.js';
import type { BoundaryWorkspace, LegacyShim, PlacedProject } from '../workspace/boundary-workspace.js';
import { projectOfPath } from '../workspace/boundary-workspace.js';
import { UNVERIFIABLE_TARGET, type BoundaryProblem, type ViolationKind } from './boundary-violation.js';
import { describeProblem } from './describe-problem.js';
import { judgePair, UNPLACED_RULE } from './judge-pair.js';
import { packageNameOf } from './package-name-of.js';

/** The verdict on one specifier of one file: allowed (by a documented exception, perhaps), or the problem. */
export type SpecifierVerdict =
  { readonly allowed: true; readonly exception?: string } | { readonly allowed: false; readonly problem: BoundaryProblem };

const allowed: SpecifierVerdict = { allowed: true };
const builtins = new Set(builtinModules);
/** A test of a module sits beside it: `rl/index.spec.ts` tests `rl/index.ts`. */
const ownTest = /\.(?:spec|test)\.[cm]?[jt]sx?$/;

/**
 * The verdict for one specifier of one workspace file (workspace-relative, `/` separators): the
 * one function ESLint's rule, `pnpm boundaries` and the generators share.
 *
 * A file outside every project, a Node built-in, a web URL and a path that leaves the workspace
 * are no boundary. Otherwise, in this order: a project the policy cannot place (the file's or
 * the imported one) is a violation; a legacy shim path is one; a path into another project's
 * folder is one unless a documented exception of the policy lets this file reach that file; a
 * relative import of a shim module from inside its project is one (except from the shim itself
 * and its own tests); a workspace package must be allowed by both tag dimensions; a banned
 * package is one. A specifier that cannot be resolved statically is a violation in a strict domain.
 */
export function judgeSpecifier(
  workspace: BoundaryWorkspace,
  file: string,
  specifier: SourceSpecifier | UnresolvedSpecifier,
): SpecifierVerdict {
  const source = projectOfPath(workspace, file);
  if (!source) return allowed;
  if (!('text' in specifier)) return judgeUnresolved(workspace, source, specifier);
  const { text, form } = specifier;
  const problem = (
    kind: ViolationKind,
    target: string,
    targetProject: PlacedProject | undefined,
    rule: string,
    what: string,
    fix: string,
  ): SpecifierVerdict => ({
    allowed: false,
    problem: describeProblem(workspace, source, { kind, target, targetProject, rule, what, fix, specifier: text, evidence: form }),
  });

  if (form === 'url' && /^[a-z][a-z\d+.-]*:/i.test(text)) return allowed;
  const isPath = text.startsWith('.') || text.startsWith('/') || form === 'url' || form === 'reference-path';
  if (isPath) {
    if (text.startsWith('/')) return allowed;
    const path = posix.normalize(posix.join(posix.dirname(file), text));
    if (path.startsWith('../') || path === '..') return allowed;
    const owner = projectOfPath(workspace, path);
    if (!owner) return allowed;
    if (owner === source) {
      const shim = shimModule(workspace, source, path);
      // The shim itself, another shim, its own test, and the package entry that re-exports its compatibility bindings.
      if (!shim || shim.file === file || shim.entry === file || workspace.shimsByFile.has(file) || isOwnTest(file, shim.file))
        return allowed;
      return problem(
        'legacy-shim-path',
        source.name,
        source,
        'legacy-shims',
        `"${text}" is the legacy shim ${shim.legacyPath} (${shim.legacy})`,
        `import ${shim.target} instead: the shim is kept only for code outside the workspace`,
      );
    }
    const exception = workspace.exceptionsByFile.get(file)?.find((candidate) => candidate.reaches.includes(path));
    if (exception) return { allowed: true, exception: exception.id };
    const pair = judgePair(workspace, source, owner, file);
    if (pair?.kind === 'untagged-project') return problem(pair.kind, owner.name, owner, pair.rule, `"${text}": ${pair.what}`, pair.fix);
    const byName = owner.packageName ? `import ${owner.packageName} by its package name` : `depend on what ${owner.name} publishes`;
    const isModule = form !== 'url' && form !== 'reference-path';
    const instead = isModule
      ? `${byName} instead of ${text}`
      : `${byName} (or a contract document it publishes, copied at build time) instead of reading ${path}; an integration test that must reach it is listed under "exceptions" in the policy, with the reason`;
    return problem(
      'relative-import',
      owner.name,
      owner,
      pair?.rule ?? 'typed-contracts',
      `"${text}" reaches into ${owner.root} by path, across project roots${pair ? `, and ${pair.what}` : ''}`,
      `${instead}: a path into another project's folder breaks when the repositories split${pair ? `; ${pair.fix}` : ''}`,
    );
  }

  const packageName = packageNameOf(text);
  const target = workspace.byPackage.get(packageName);
  if (target) {
    const shim = legacyShim(workspace, text);
    if (shim) {
      if (!source.standing.placed) {
        const unplaced = judgePair(workspace, source, target, file);
        if (unplaced) return problem(unplaced.kind, target.name, target, unplaced.rule, `"${text}": ${unplaced.what}`, unplaced.fix);
      }
      return problem(
        'legacy-shim-path',
        target.name,
        target,
        'legacy-shims',
        `"${text}" is a legacy deprecation shim (${shim.legacy})`,
        `import ${shim.target} directly: the legacy path is kept only for code outside the workspace`,
      );
    }
    if (target === source) return allowed;
    const pair = judgePair(workspace, source, target, file);
    return pair ? problem(pair.kind, target.name, target, pair.rule, `"${text}": ${pair.what}`, pair.fix) : allowed;
  }
  if (text.startsWith('node:') || builtins.has(packageName) || !source.standing.placed) return allowed;
  const banned = bannedExternalsOf(workspace.policy, source.standing.domain.name);
  if (!banned || !isBannedPackage(banned.packages, packageName)) return allowed;
  const domain = source.standing.domain.name;
  return problem(
    'banned-external',
    `npm:${packageName}`,
    undefined,
    banned.rule,
    `"${text}" is a package ${domain} must not depend on`,
    `remove ${packageName} from ${domain}: keep frameworks, ORMs, queues and cloud SDKs in the domain that owns them and give ${domain} only the types it needs`,
  );
}

/** A specifier the engine cannot resolve: a violation in a strict domain (and in a project the policy cannot place). */
function judgeUnresolved(workspace: BoundaryWorkspace, source: PlacedProject, unresolved: UnresolvedSpecifier): SpecifierVerdict {
  const { standing } = source;
  if (standing.placed && standing.domain.strict === false) return allowed;
  const where = standing.placed ? `${standing.domain.name} is a strict domain` : `${source.name} has no place in the policy`;
  return {
    allowed: false,
    problem: describeProblem(workspace, source, {
      kind: 'unverifiable-import',
      target: UNVERIFIABLE_TARGET,
      targetProject: undefined,
      rule: standing.placed ? standing.domain.rule : UNPLACED_RULE,
      what: `the ${unresolved.form} of ${unresolved.expression} cannot be resolved statically, and ${where}`,
      fix: 'name the module with a string literal (one literal import per module, chosen in code, if it varies) so that the boundary can be checked',
      specifier: unresolved.expression,
      evidence: unresolved.form,
    }),
  };
}

function legacyShim(workspace: BoundaryWorkspace, specifier: string): LegacyShim | undefined {
  const exact = workspace.legacyPaths.get(specifier);
  if (exact) return exact;
  for (const [path, shim] of workspace.legacyPaths) if (specifier.startsWith(`${path}/`)) return shim;
  return undefined;
}

/** The shim module of `project` that a resolved relative path names (`../rl/index.js`, `./llm/vllm-runner.js`), if any. */
function shimModule(workspace: BoundaryWorkspace, project: PlacedProject, path: string): LegacyShim | undefined {
  const stem = path.replace(/\.[cm]?[jt]sx?$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}/index.ts`, path]) {
    const shim = workspace.shimsByFile.get(candidate);
    if (shim && candidate.startsWith(`${project.root}/`)) return shim;
  }
  return undefined;
}

function isOwnTest(file: string, shimFile: string): boolean {
  return ownTest.test(file) && file.replace(ownTest, '') === shimFile.replace(/\.[cm]?[jt]sx?$/, '');
}
