import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use kebab-case: lowercase letters, digits and single dashes');
const tag = z.string().regex(/^(domain|type):[a-z][a-z0-9-]*$/, 'tags are "domain:<name>" or "type:<name>"');

export const domainSchema = z
  .object({
    name,
    title: z.string().min(1),
    tags: z.array(tag).min(1),
    seedPath: z.string().min(1),
    owns: z.string().min(1),
    doesNotOwn: z.string().min(1),
    mayImport: z.array(name),
    importableBy: z.array(name),
    rule: z.string().min(1),
    reverseRule: z.string().min(1).optional(),
    bannedExternals: z
      .object({ rule: z.string().min(1), packages: z.array(z.string().min(1)).min(1) })
      .strict()
      .optional(),
    splitCandidate: z.boolean().optional(),
    /**
     * Whether a specifier the engine cannot resolve statically (`import(variable)`,
     * `require(expression)`) is a violation in this domain. Defaults to true: a domain must opt out.
     */
    strict: z.boolean().optional(),
  })
  .strict();

export const typeSchema = z
  .object({
    name,
    tag,
    description: z.string().min(1),
    mayImport: z.array(name),
    /** The seed rule a violation of this type's constraint breaks. */
    rule: z.string().min(1),
  })
  .strict();

const workspacePath = z
  .string()
  .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[\w@.+/-]+$/, 'a workspace-relative path without "." or ".." segments');

/**
 * A documented exception: named files of one project that reach named files of another by path,
 * and why. `integration-test` is a test that starts another project's build output;
 * `contract-document` reads another project's published contract (an OpenAPI document) as data.
 */
export const exceptionSchema = z
  .object({
    id: name,
    kind: z.enum(['integration-test', 'contract-document']),
    files: z.array(workspacePath).min(1),
    reaches: z.array(workspacePath).min(1),
    reason: z.string().min(20, 'say why, in a sentence'),
  })
  .strict();

export const shimSchema = z
  .object({
    id: name,
    /** The domain whose shim files these are: the domain that may import `targetDomain` through them (not an Nx project name). */
    domain: name,
    file: z.string().regex(/^[\w./-]+\.ts$/, 'a workspace-relative .ts path'),
    /** The package subpath the shim keeps alive: its own (`./rl`), or the entry that re-exports its `bindings` (`.`). */
    subpath: z.string().regex(/^\.(\/[\w./-]+)?$/, 'a package subpath such as "./rl", or "." for the package entry'),
    target: z.string().min(1),
    targetDomain: name,
    code: z.string().regex(/^ASWDEP\d{3}$/, 'codes look like ASWDEP001'),
    legacy: z.string().min(1),
    /**
     * Present when the shim is not a module of its own: the names that the entry at `subpath`
     * (the file `entry`) re-exports from `file`, each a deprecated compatibility binding.
     */
    bindings: z
      .array(z.string().regex(/^[A-Za-z_$][\w$]*$/, 'an exported name'))
      .min(1)
      .optional(),
    entry: z
      .string()
      .regex(/^[\w./-]+\.ts$/, 'a workspace-relative .ts path')
      .optional(),
  })
  .strict();

/** A rule the workspace derives from the seed: the seed sentences it comes from, quoted word for word. */
export const derivedRuleSchema = z.object({ from: z.array(z.string().min(1)).min(1) }).strict();

/**
 * A test that needs another project (its build output, its contract): it lives in its own target
 * of `project`, which the domain's docs list as an integration test and keep out of the
 * validation commands. `files` are the specs (or sources) of that target, `reaches` the projects
 * they may reach beyond the static closure.
 */
export const integrationTestSchema = z
  .object({
    project: name,
    target: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an Nx target name such as "integration"'),
    files: z.array(z.string().regex(/^[\w./*{},-]+$/, 'a workspace-relative glob')).min(1),
    reaches: z.array(name).min(1),
    reason: z.string().min(1),
  })
  .strict();

export const policySchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    /** Each rule by id: a passage of docs/repository-split.md, word for word, unless listed in `derivedRules`. */
    seedRules: z.record(z.string(), z.string().min(1)),
    /** The rules of `seedRules` that are the workspace's words, derived from the seed sentences named. */
    derivedRules: z.record(z.string(), derivedRuleSchema).optional(),
    domains: z.array(domainSchema).min(1),
    types: z.array(typeSchema).min(1),
    shims: z.array(shimSchema),
    integrationTests: z.array(integrationTestSchema).optional(),
    exceptions: z.array(exceptionSchema).optional(),
  })
  .strict();

/** The boundary policy as stored in tools/policy/policy.json. */
export type Policy = z.infer<typeof policySchema>;
export type PolicyDomain = z.infer<typeof domainSchema>;
export type PolicyType = z.infer<typeof typeSchema>;
export type PolicyShim = z.infer<typeof shimSchema>;
export type PolicyDerivedRule = z.infer<typeof derivedRuleSchema>;
export type PolicyIntegrationTest = z.infer<typeof integrationTestSchema>;
export type PolicyException = z.infer<typeof exceptionSchema>;
