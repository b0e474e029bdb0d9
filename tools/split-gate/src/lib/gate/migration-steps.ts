import type { Policy } from '@alphaswarm/policy';
import type { WorkspaceGraph } from '../workspace-graph.js';
import type { DomainVerdict, MigrationStep } from './gate-report.js';

/** The seed's migration order, word for word (whitespace normalised); a spec holds it to docs/repository-split.md. */
export const seedMigrationOrder = [
  'Stabilize `alphaswarm_core` package contracts and tests.',
  'Finish `alphaswarm_controller` as the only home for workload lifecycle providers and `/manage/*` behavior.',
  'Move curated references into `alphaswarm_snippets` with provenance and indexes.',
  'Extract `alphaswarm_client` contracts around the existing Vite frontend and API gateway behavior before moving source paths.',
  'Split `alphaswarm_bots` last, after bot persistence, task dispatch, backtest, paper trading, and agent runtime interfaces are explicit.',
  'Extract `alphaswarm_rl` (May 2026) — RL subsystem moved out of `alphaswarm/rl/`, with matching Celery task / API route / YAML spec library / tests. Legacy `alphaswarm.rl.*` imports preserved through `alphaswarm/rl/__init__.py` deprecation shim.',
  'Extract `alphaswarm_models` (May 2026) — custom-model boundary moved out of `alphaswarm/ml/` plus the model-pulling / serving slice of `alphaswarm/llm/` (`vllm_runner.py`, `ollama_client.py`). The central LLM gateway (`router_complete`, memory, cache, prompts, tokens) stays in the monolith at `alphaswarm/llm/`. Legacy `alphaswarm.ml.*` and `alphaswarm.llm.{vllm_runner,ollama_client}` imports preserved through compatibility shims.',
  'Clean root-level build/deploy files only after the projects can be tested independently.',
] as const;

const criteriaPass = (verdict: DomainVerdict): boolean => verdict.criteria.every((criterion) => criterion.ok === true);
const failing = (verdict: DomainVerdict): string =>
  verdict.criteria
    .filter((criterion) => criterion.ok !== true)
    .map((criterion) => (criterion.ok === null ? `${criterion.id} not checked (needs ${criterion.blockedBy})` : `${criterion.id} fails`))
    .join(', ');
const deepNote = (verdict: DomainVerdict): string =>
  verdict.deep.status === 'fresh' ? `deep proof fresh, ${verdict.deep.ok ? 'passes' : 'fails'}` : `deep proof ${verdict.deep.status}`;

/**
 * The seed's eight migration steps with a status computed from the workspace: steps 1–4 from
 * their domain's five criteria; step 5 from bots' verdict (blocked while it still needs the
 * monolith); steps 6 and 7 from the extracted package and the policy's shims that keep the legacy
 * imports working (each shim file must exist); step 8 from every candidate's deep proof.
 */
export function migrationSteps(
  policy: Policy,
  graph: WorkspaceGraph,
  verdicts: readonly DomainVerdict[],
  candidates: readonly string[],
): MigrationStep[] {
  const verdictOf = (domain: string): DomainVerdict | undefined => verdicts.find((verdict) => verdict.domain === domain);
  const notJudged = (domain: string): MigrationStep['evidence'] =>
    `${domain} was not judged in this run: run \`pnpm gate\` without naming domains`;
  const byCriteria = (domain: string): Pick<MigrationStep, 'status' | 'evidence'> => {
    const verdict = verdictOf(domain);
    if (!verdict) return { status: 'pending', evidence: notJudged(domain) };
    return criteriaPass(verdict)
      ? { status: 'done', evidence: `${domain}: the five criteria pass; ${deepNote(verdict)}` }
      : { status: 'pending', evidence: `${domain}: ${failing(verdict)}; ${deepNote(verdict)}` };
  };
  const files = new Set(graph.files.map((file) => file.file));
  const extracted = (domain: string): Pick<MigrationStep, 'status' | 'evidence'> => {
    const projects = graph.projects.filter((project) => project.tags.includes(`domain:${domain}`));
    const shims = policy.shims.filter((shim) => shim.targetDomain === domain);
    const missing = shims.filter((shim) => !files.has(shim.file));
    const verdict = verdictOf(domain);
    const gate = verdict ? `; as a future repository: ${criteriaPass(verdict) ? 'the five criteria pass' : failing(verdict)}` : '';
    if (projects.length === 0) return { status: 'pending', evidence: `no project is tagged domain:${domain} yet` };
    if (shims.length === 0 || missing.length > 0) {
      return {
        status: 'pending',
        evidence: `extracted to ${projects.map((project) => project.root).join(', ')}, but the legacy imports are not all kept: ${shims.length === 0 ? 'the policy lists no shim for it' : `missing shim files ${missing.map((shim) => shim.file).join(', ')}`}${gate}`,
      };
    }
    return {
      status: 'done',
      evidence: `extracted to ${projects.map((project) => `${project.root} (${project.packageName ?? project.name})`).join(', ')}; legacy imports kept by ${shims.map((shim) => `${shim.legacy} → ${shim.target} (${shim.file}, ${shim.code})`).join(', ')}${gate}`,
    };
  };
  const bots = ((): Pick<MigrationStep, 'status' | 'evidence'> => {
    const verdict = verdictOf('bots');
    if (!verdict) return { status: 'pending', evidence: notJudged('bots') };
    if (verdict.ready) return { status: 'done', evidence: `bots is ready: the five criteria pass and its ${deepNote(verdict)}` };
    const isolation = verdict.criteria.find((criterion) => criterion.id === 'isolation');
    return isolation?.ok === false
      ? { status: 'blocked', evidence: `bots still needs the monolith: ${isolation.detail}` }
      : { status: 'pending', evidence: `bots: ${failing(verdict) || deepNote(verdict)}` };
  })();
  const independent = ((): Pick<MigrationStep, 'status' | 'evidence'> => {
    const unjudged = candidates.filter((domain) => !verdictOf(domain));
    if (unjudged.length > 0) return { status: 'pending', evidence: notJudged(unjudged.join(', ')) };
    const unproven = candidates
      .map((domain) => verdictOf(domain) as DomainVerdict)
      .filter((verdict) => verdict.deep.status !== 'fresh' || verdict.deep.ok !== true);
    if (unproven.length === 0)
      return { status: 'done', evidence: `every candidate (${candidates.join(', ')}) builds and validates alone: fresh deep proofs` };
    return {
      status: 'blocked',
      evidence: `not every project can be tested independently yet: ${unproven.map((verdict) => `${verdict.domain} (${deepNote(verdict)})`).join(', ')}`,
    };
  })();
  const statuses = [
    byCriteria('core'),
    byCriteria('controller'),
    byCriteria('snippets'),
    byCriteria('client'),
    bots,
    extracted('rl'),
    extracted('models'),
    independent,
  ];
  return seedMigrationOrder.map((seed, index) => ({
    step: index + 1,
    seed,
    ...(statuses[index] as Pick<MigrationStep, 'status' | 'evidence'>),
  }));
}
