import { allowedTargets, bannedExternalsOf, type Policy } from '@alphaswarm/policy';

/** One entry of `@nx/enforce-module-boundaries`' `depConstraints`. */
export interface NxDepConstraint {
  readonly sourceTag?: string;
  readonly allSourceTags?: readonly string[];
  readonly onlyDependOnLibsWithTags: readonly string[];
  readonly bannedExternalImports?: readonly string[];
}

/**
 * The policy's table as Nx tag constraints, the way a user of `@nx/enforce-module-boundaries`
 * would write it: per domain, the domain tags it may depend on (a multi-tag domain such as
 * monolith-primitives through `allSourceTags`), the banned packages of a domain as
 * `bannedExternalImports`, and per type, the type tags it may depend on.
 */
export function nxDepConstraints(policy: Policy): NxDepConstraint[] {
  const domainTag = (name: string): string[] =>
    policy.domains.find((domain) => domain.name === name)?.tags.filter((tag) => tag.startsWith('domain:')) ?? [];
  const constraints: NxDepConstraint[] = [];
  for (const domain of policy.domains) {
    const allowed = [
      ...new Set([...domain.tags.filter((tag) => tag.startsWith('domain:')), ...allowedTargets(policy, domain.name).flatMap(domainTag)]),
    ];
    const banned = bannedExternalsOf(policy, domain.name)?.packages;
    const source = domain.tags.length === 1 ? { sourceTag: domain.tags[0] as string } : { allSourceTags: [...domain.tags] };
    constraints.push({ ...source, onlyDependOnLibsWithTags: allowed, ...(banned ? { bannedExternalImports: [...banned] } : {}) });
  }
  for (const type of policy.types) {
    constraints.push({
      sourceTag: type.tag,
      onlyDependOnLibsWithTags: type.mayImport.map(
        (name) => policy.types.find((candidate) => candidate.name === name)?.tag ?? `type:${name}`,
      ),
    });
  }
  return constraints;
}
