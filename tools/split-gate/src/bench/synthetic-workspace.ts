import { allowedTargets, type BoundaryProject, type Policy } from '@alphaswarm/policy';

/** mulberry32: a seeded generator, so every run benchmarks the same sources. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ~2.5 kB of ordinary TypeScript after the imports: strings, templates, comments, a regular expression. */
const body = [
  '/** A typical module body: the lexer must walk it without mistaking anything for an import. */',
  ...Array.from(
    { length: 24 },
    (_, index) =>
      `export function step${index}(value: number, label = 'from ${index}'): string { return \`\${label}: \${value * ${index}}\`.replace(/[/'"]+/g, ''); } // require('not-an-import')`,
  ),
].join('\n');

/** A synthetic workspace in memory: its projects and its sources, and how many violations were planted. */
export interface SyntheticWorkspace {
  readonly projects: readonly BoundaryProject[];
  readonly sources: readonly { readonly file: string; readonly text: string }[];
  readonly injected: number;
}

/**
 * Seeded sources shaped like this workspace's: `projectsPerDomain` projects per split domain of the
 * policy, `files` files spread over them, each naming 6–14 modules in the forms the engine reads
 * (static, type-only, re-exports, dynamic imports, `vi.mock` in specs, relative imports inside the
 * project, npm packages, projects its domain may import), and about one file in a thousand with a
 * forbidden import.
 */
export function syntheticWorkspace(policy: Policy, files: number, projectsPerDomain = 20, seed = 42): SyntheticWorkspace {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const domains = policy.domains.filter((domain) => domain.splitCandidate !== false && domain.tags.length === 1);
  const typeOf = (domain: string): string => (domain === 'core' ? 'type:contract' : 'type:runtime');
  const projects: BoundaryProject[] = domains.flatMap((domain) =>
    Array.from({ length: projectsPerDomain }, (_, index) => ({
      name: `${domain.name}-${index}`,
      root: `packages/${domain.name}-${index}`,
      packageName: `@alphaswarm/${domain.name}-${index}`,
      tags: [...domain.tags, typeOf(domain.name)],
    })),
  );
  const byDomain = new Map(domains.map((domain) => [domain.name, projects.filter((project) => project.tags[0] === domain.tags[0])]));
  const forbidden = new Map(
    domains.map((domain) => [
      domain.name,
      domains
        .filter((other) => other !== domain && !allowedTargets(policy, domain.name).includes(other.name))
        .flatMap((other) => byDomain.get(other.name) ?? []),
    ]),
  );
  const allowed = new Map(
    domains.map((domain) => [
      domain.name,
      allowedTargets(policy, domain.name)
        .flatMap((name) => byDomain.get(name) ?? [])
        .filter((project) => typeOf(domain.name) === 'type:runtime' || project.tags.includes('type:contract')),
    ]),
  );
  const sources: { file: string; text: string }[] = [];
  let injected = 0;
  for (let index = 0; index < files; index += 1) {
    const project = projects[index % projects.length] as BoundaryProject;
    const domain = domains.find((candidate) => project.tags[0] === candidate.tags[0])?.name ?? '';
    const spec = next() < 0.2;
    const reachable = [project, ...(allowed.get(domain) ?? [])];
    const lines = Array.from({ length: 6 + Math.floor(next() * 9) }, (_, line) => {
      const roll = next();
      const target = pick(reachable).packageName ?? '';
      if (roll < 0.3) return `import { helper${line} } from './helper-${Math.floor(next() * 50)}.js';`;
      if (roll < 0.45) return `import { parse as parse${line} } from 'pkg-${Math.floor(next() * 60)}';`;
      if (roll < 0.6) return `import type { Model${line} } from '${target}';`;
      if (roll < 0.7) return `export { thing as thing${line} } from '${target}';`;
      if (roll < 0.8) return `const lazy${line} = () => import('${target}');`;
      if (spec && roll < 0.9) return `vi.mock('${target}');`;
      return `import { value as value${line} } from '${target}';`;
    });
    const bad = forbidden.get(domain) ?? [];
    if (next() < 0.001 && bad.length > 0) {
      lines.push(`import { forbidden } from '${pick(bad).packageName ?? ''}';`);
      injected += 1;
    }
    sources.push({ file: `${project.root}/src/file-${index}${spec ? '.spec' : ''}.ts`, text: `${lines.join('\n')}\n${body}\n` });
  }
  return { projects, sources, injected };
}
