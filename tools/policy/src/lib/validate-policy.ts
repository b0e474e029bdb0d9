import type { Policy } from './policy-schema.js';
import { findAllowedCycle } from './allowed-cycle.js';

/**
 * Every way a schema-valid policy can still be wrong: unknown names, one-sided table entries
 * (a domain lists another in `mayImport` without being in its `importableBy`, or the reverse),
 * rules that are not quoted from the seed, derived rules that are not rules, shims of unknown
 * domains, integration tests declared twice, and cycles.
 */
export function validatePolicy(policy: Policy): string[] {
  const problems: string[] = [];
  const names = new Set(policy.domains.map((domain) => domain.name));
  const rules = new Set(Object.keys(policy.seedRules));
  const seen = new Set<string>();
  for (const domain of policy.domains) {
    if (seen.has(domain.name)) problems.push(`domain "${domain.name}" is declared twice`);
    seen.add(domain.name);
    for (const rule of [domain.rule, domain.reverseRule, domain.bannedExternals?.rule]) {
      if (rule !== undefined && !rules.has(rule)) problems.push(`domain "${domain.name}" cites unknown seed rule "${rule}"`);
    }
    for (const other of [...domain.mayImport, ...domain.importableBy]) {
      if (!names.has(other)) problems.push(`domain "${domain.name}" names unknown domain "${other}"`);
      if (other === domain.name) problems.push(`domain "${domain.name}" lists itself (a domain may always import itself)`);
    }
    for (const to of domain.mayImport) {
      const target = policy.domains.find((candidate) => candidate.name === to);
      if (target && !target.importableBy.includes(domain.name)) {
        problems.push(`"${domain.name}" may import "${to}", but "${to}".importableBy does not list "${domain.name}"`);
      }
    }
    for (const from of domain.importableBy) {
      const source = policy.domains.find((candidate) => candidate.name === from);
      if (source && !source.mayImport.includes(domain.name)) {
        problems.push(`"${domain.name}" is importable by "${from}", but "${from}".mayImport does not list "${domain.name}"`);
      }
    }
  }
  const tagSets = new Map<string, string>();
  for (const domain of policy.domains) {
    const key = [...domain.tags].sort().join(' ');
    const clash = tagSets.get(key);
    if (clash) problems.push(`domains "${clash}" and "${domain.name}" have the same tags (${key})`);
    tagSets.set(key, domain.name);
  }
  const typeNames = new Set(policy.types.map((type) => type.name));
  for (const type of policy.types) {
    for (const other of type.mayImport) {
      if (!typeNames.has(other)) problems.push(`type "${type.name}" names unknown type "${other}"`);
    }
    if (!rules.has(type.rule)) problems.push(`type "${type.name}" cites unknown seed rule "${type.rule}"`);
  }
  const exceptionIds = new Set<string>();
  for (const exception of policy.exceptions ?? []) {
    if (exceptionIds.has(exception.id)) problems.push(`exception "${exception.id}" is declared twice`);
    exceptionIds.add(exception.id);
    for (const file of exception.files.filter((candidate) => exception.reaches.includes(candidate)))
      problems.push(`exception "${exception.id}" lets ${file} reach itself`);
  }
  for (const shim of policy.shims) {
    if (!names.has(shim.domain)) problems.push(`shim "${shim.id}" belongs to unknown domain "${shim.domain}"`);
    if (!names.has(shim.targetDomain)) problems.push(`shim "${shim.id}" targets unknown domain "${shim.targetDomain}"`);
    if ((shim.bindings === undefined) !== (shim.entry === undefined))
      problems.push(`shim "${shim.id}" needs both "bindings" and "entry" (a re-exported compatibility binding) or neither (a shim module)`);
    if (shim.bindings === undefined && shim.subpath === '.')
      problems.push(`shim "${shim.id}" is a shim module at ".", the package entry; only re-exported "bindings" may stay behind there`);
  }
  const codes = policy.shims.map((shim) => shim.code);
  for (const code of new Set(codes)) {
    if (codes.filter((candidate) => candidate === code).length > 1) problems.push(`shim code ${code} is used twice`);
  }
  for (const id of Object.keys(policy.derivedRules ?? {})) {
    if (!rules.has(id)) problems.push(`derivedRules names "${id}", which is not a rule of seedRules`);
  }
  const targets = new Set<string>();
  for (const test of policy.integrationTests ?? []) {
    const key = `${test.project}:${test.target}`;
    if (targets.has(key)) problems.push(`integration test ${key} is declared twice`);
    targets.add(key);
    if (test.reaches.includes(test.project)) problems.push(`integration test ${key} lists its own project in "reaches"`);
  }
  const cycle = findAllowedCycle(policy);
  if (cycle) problems.push(`the allowed-dependency table has a cycle: ${cycle.join(' -> ')}`);
  return problems;
}
