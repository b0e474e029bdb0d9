import { POLICY_PATH, allowedTargets, type Policy } from '@alphaswarm/policy';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { projectsOfDomain } from '../gate/evaluate-gate.js';
import { cell, generatedHeader } from './generated-header.js';

/** `docs/domain-map.md`: the domain map, the allowed-dependency matrix and a mermaid graph, from the policy. */
export function renderDomainMap(policy: Policy, graph: WorkspaceGraph): string {
  const names = policy.domains.map((domain) => domain.name);
  const shimGrant = (from: string, to: string): boolean => policy.shims.some((shim) => shim.domain === from && shim.targetDomain === to);
  const lines = [
    generatedHeader(`${POLICY_PATH} and the Nx project graph`),
    '',
    '# Domain map',
    '',
    'Every domain of the repository split, its projects, and the allowed-dependency table, all read from',
    `[${POLICY_PATH}](../${POLICY_PATH}), the single source that ESLint, \`pnpm boundaries\`, \`pnpm gate\` and the`,
    'generators read too.',
    '',
    '## Domains',
    '',
    '| domain | tags | projects | seed path | owns | does not own | rule | future repository |',
    '|---|---|---|---|---|---|---|---|',
    ...policy.domains.map((domain) => {
      const projects = projectsOfDomain(policy, graph, domain.name).map(
        (project) => `\`${project.root}\` (${project.packageName ?? project.name})`,
      );
      return `| ${domain.name} | ${domain.tags.map((tag) => `\`${tag}\``).join(' ')} | ${projects.join('<br>') || '—'} | \`${cell(domain.seedPath)}\` | ${cell(domain.owns)} | ${cell(domain.doesNotOwn)} | \`${domain.rule}\` | ${domain.splitCandidate === false ? 'no' : 'yes'} |`;
    }),
    '',
    '## Allowed dependencies',
    '',
    'Read a row as "a file in this domain may import from": ✓ by the table, `shim` only from the legacy shim files, · forbidden.',
    '',
    `| from \\ to | ${names.join(' | ')} |`,
    `|---|${names.map(() => ':-:').join('|')}|`,
    ...names.map((from) => {
      const allowed = allowedTargets(policy, from);
      const cells = names.map((to) => (to === from ? '=' : allowed.includes(to) ? '✓' : shimGrant(from, to) ? '`shim`' : '·'));
      return `| **${from}** | ${cells.join(' | ')} |`;
    }),
    '',
    ...policy.domains.flatMap((domain) =>
      domain.bannedExternals
        ? [
            `**${domain.name}** must also not depend on (\`${domain.bannedExternals.rule}\`): ${domain.bannedExternals.packages.map((name) => `\`${name}\``).join(', ')}.`,
            '',
          ]
        : [],
    ),
    '## Domain constraints',
    '',
    'Read a row as "a project tagged like this may import": the tags of the domains it may depend on, and the rule a',
    "violation cites: the imported domain's `reverseRule` when it has one, else the importer's `rule`.",
    '',
    '| from | source tags | may depend on tags | may import | rule cited for its own violations | rule cited when others import it |',
    '|---|---|---|---|---|---|',
    ...policy.domains.map((domain) => {
      const allowed = allowedTargets(policy, domain.name);
      const tags = [
        ...new Set(
          policy.domains
            .filter((candidate) => candidate.name === domain.name || allowed.includes(candidate.name))
            .map((candidate) => candidate.tags[candidate.tags.length - 1] as string),
        ),
      ];
      const shims = [
        ...new Set(
          policy.shims
            .filter((shim) => shim.domain === domain.name && !allowed.includes(shim.targetDomain))
            .map((shim) => shim.targetDomain),
        ),
      ];
      const mayImport = `${allowed.join(', ') || 'nothing else'}${shims.length > 0 ? ` (${shims.join(', ')} only from the shim files)` : ''}`;
      const importers = policy.domains
        .filter((candidate) => allowedTargets(policy, candidate.name).includes(domain.name))
        .map((candidate) => candidate.name);
      const reverse = domain.reverseRule
        ? `\`${domain.reverseRule}\``
        : `the importer's rule (${importers.length > 0 ? `importers: ${importers.join(', ')}` : `nothing may import ${domain.name}`})`;
      return `| ${domain.name} | ${domain.tags.map((tag) => `\`${tag}\``).join(' + ')} | ${tags.map((tag) => `\`${tag}\``).join(', ')} | ${mayImport} | \`${domain.rule}\` | ${reverse} |`;
    }),
    '',
    '## Type constraints',
    '',
    "The second tag dimension, judged by the same engine: a violation cites the type's rule.",
    '',
    '| type tag | may depend on | rule | projects |',
    '|---|---|---|---|',
    ...policy.types.map((type) => {
      const tagOf = (name: string) => policy.types.find((candidate) => candidate.name === name)?.tag ?? `type:${name}`;
      const projects = [...graph.projects]
        .filter((project) => project.tags.includes(type.tag))
        .map((project) => project.name)
        .sort();
      return `| \`${type.tag}\` | ${type.mayImport.map((name) => `\`${tagOf(name)}\``).join(', ')} | \`${type.rule}\` | ${projects.join(', ') || '—'} |`;
    }),
    '',
    '## Legacy shims',
    '',
    '| legacy path | shim file | re-exports | warning code |',
    '|---|---|---|---|',
    ...policy.shims.map(
      (shim) => `| \`${shim.legacy}\` | \`${shim.file}\` (\`${shim.subpath}\`) | \`${shim.target}\` | \`${shim.code}\` |`,
    ),
    '',
    '## Graph',
    '',
    'Solid arrows: allowed imports. Dashed arrows: imports allowed only from the legacy shim files.',
    '',
    '```mermaid',
    'graph TD',
    ...policy.domains.map((domain) => `  ${nodeId(domain.name)}["${domain.name}"]`),
    ...names.flatMap((from) => allowedTargets(policy, from).map((to) => `  ${nodeId(from)} --> ${nodeId(to)}`)),
    ...policy.shims
      .filter((shim) => !allowedTargets(policy, shim.domain).includes(shim.targetDomain))
      .map((shim) => `  ${nodeId(shim.domain)} -.->|shim| ${nodeId(shim.targetDomain)}`)
      .filter((line, index, all) => all.indexOf(line) === index),
    '```',
    '',
    '## Seed rules',
    '',
    'A quoted rule is a passage of [repository-split.md](repository-split.md), word for word; a derived rule is the',
    "workspace's words, with the seed sentences it comes from.",
    '',
    '| rule | kind | text |',
    '|---|---|---|',
    ...Object.entries(policy.seedRules).map(([id, text]) => {
      const derived = policy.derivedRules?.[id];
      return derived
        ? `| \`${id}\` | derived | ${cell(text)} Derived from: ${derived.from.map((sentence) => `"${cell(sentence)}"`).join('; ')} |`
        : `| \`${id}\` | quoted | ${cell(text)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

/** Mermaid node ids may not contain dashes in every renderer. */
function nodeId(name: string): string {
  return name.replaceAll('-', '_');
}
