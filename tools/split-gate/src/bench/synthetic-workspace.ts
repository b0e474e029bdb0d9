import { allowedTargets, type Policy } from '@alphaswarm/policy';
import type { ProjectFile } from '../lib/nx/read-file-dependencies.js';
import type { WorkspaceGraph, WorkspaceProject } from '../lib/workspace-graph.js';

/** mulberry32: a seeded generator, so every run benchmarks the same graph. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A large synthetic workspace graph shaped like this one: `projectsPerDomain` projects for each
 * split domain of the policy, `files` files spread over them, each with 1–6 dependencies on
 * projects its domain may import (and on npm packages), and about one file in a thousand with a
 * forbidden import.
 */
export function syntheticWorkspace(policy: Policy, files: number, projectsPerDomain = 20, seed = 42): WorkspaceGraph {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const domains = policy.domains.filter((domain) => domain.splitCandidate !== false);
  const projects: WorkspaceProject[] = domains.flatMap((domain) =>
    Array.from({ length: projectsPerDomain }, (_, index) => ({
      name: `${domain.name}-${index}`,
      root: `packages/${domain.name}-${index}`,
      tags: domain.tags,
      packageName: `@alphaswarm/${domain.name}-${index}`,
      targets: {},
    })),
  );
  const byDomain = new Map(
    domains.map((domain) => [
      domain.name,
      projects.filter((project) => project.name.startsWith(`${domain.name}-`) && /-\d+$/.test(project.name.slice(domain.name.length))),
    ]),
  );
  const packages = Array.from({ length: 60 }, (_, index) => `pkg-${index}`);
  const externalPackages = Object.fromEntries(packages.map((name) => [`npm:${name}`, name]));
  const result: ProjectFile[] = [];
  for (let index = 0; index < files; index += 1) {
    const project = projects[index % projects.length] as WorkspaceProject;
    const domain = project.name.replace(/-\d+$/, '');
    const allowed = [domain, ...allowedTargets(policy, domain)].flatMap((name) => byDomain.get(name) ?? []);
    const deps = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
      next() < 0.3
        ? { target: `npm:${pick(packages)}`, type: 'static' as const }
        : { target: pick(next() < 0.001 ? projects : allowed).name, type: next() < 0.1 ? ('dynamic' as const) : ('static' as const) },
    );
    result.push({ file: `${project.root}/src/file-${index}.ts`, project: project.name, deps });
  }
  return { projects, edges: [], files: result, externalPackages };
}
