import { allowedTargets, type Policy, type PolicyDomain } from '@alphaswarm/policy';

/** Where the hand-written boundaries page lives; tools/policy's tests hold its constraint table to the policy. */
export const BOUNDARIES_DOC = 'docs/boundaries.md';

const cells = (line: string): string[] => line.replace(/^\|\s?|\s?\|$/g, '').split(' | ');
const row = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
const code = (text: string): string => `\`${text}\``;

/**
 * The boundaries page with `domain` added to its domain-constraint table (before `tooling`), its
 * project in the type table, and the "may depend on" / "may import" cells of every domain whose
 * allowed imports changed. Rows are rewritten cell by cell; the prose around them is kept.
 */
export function addDomainToBoundariesDoc(text: string, before: Policy, after: Policy, domain: string, type: string): string {
  const identifyingTag = (candidate: PolicyDomain) => candidate.tags[candidate.tags.length - 1] as string;
  const mayDependOn = (name: string) =>
    [
      ...new Set(
        after.domains
          .filter((candidate) => candidate.name === name || allowedTargets(after, name).includes(candidate.name))
          .map(identifyingTag),
      ),
    ]
      .map(code)
      .join(', ');
  const added = after.domains.find((candidate) => candidate.name === domain) as PolicyDomain;
  const importers = after.domains.filter((candidate) => added.importableBy.includes(candidate.name)).map((candidate) => candidate.name);
  const newRow = row([
    domain,
    added.tags.map(code).join(' + '),
    mayDependOn(domain),
    allowedTargets(after, domain).join(', ') || 'nothing else',
    code(added.rule),
    `the importer's rule (${importers.length > 0 ? `only ${importers.join(', ')} may import it` : `nothing may import ${domain}`})`,
  ]);
  const lines = text.split('\n');
  const domainRows = lines.flatMap((line, index) =>
    after.domains.some((candidate) => line.startsWith(`| ${candidate.name} | `)) ? [index] : [],
  );
  if (domainRows.length === 0) return text;
  const updated = lines.map((line) => {
    const [name, ...rest] = cells(line);
    if (!line.startsWith('| ') || name === undefined) return line;
    if (name === code(`type:${type}`) && rest.length === 2)
      return row([name, rest[0] as string, [rest[1], domain].filter((part) => part && part !== '—').join(', ')]);
    const old = allowedTargets(before, name);
    const now = allowedTargets(after, name);
    if (!after.domains.some((candidate) => candidate.name === name) || rest.length !== 5 || old.join() === now.join()) return line;
    const [tags = '', , mayImport = '', ...tail] = rest;
    const oldText = old.length > 0 ? old.join(', ') : 'nothing else';
    const imports = mayImport.startsWith(oldText) ? `${now.join(', ')}${mayImport.slice(oldText.length)}` : now.join(', ');
    return row([name, tags, mayDependOn(name), imports, ...tail]);
  });
  const toolRow = domainRows.find((index) =>
    after.domains.some((candidate) => candidate.splitCandidate === false && (lines[index] ?? '').startsWith(`| ${candidate.name} | `)),
  );
  updated.splice(toolRow ?? (domainRows.at(-1) as number) + 1, 0, newRow);
  return updated.join('\n');
}
