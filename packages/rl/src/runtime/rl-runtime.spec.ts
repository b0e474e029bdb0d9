import { progress, type IcebergTableWriter, type ProgressEvent } from '@alphaswarm/monolith-primitives';
import { beforeAll, describe, expect, it } from 'vitest';
import { listRLComponents, registerRLComponent } from '../components/register-rl-component.js';
import { registerBuiltinRLComponents } from '../components/register-builtin-rl-components.js';
import { loadSpecLibrary, specLibraryDir } from '../spec/spec-library.js';
import { lockSpec } from '../spec/spec-lock.js';
import { createRLRuntime } from './rl-runtime.js';

const memoryTable = () => {
  const rows: Record<string, unknown>[] = [];
  const writer: IcebergTableWriter = {
    commitAppend: async (table, batch) => {
      rows.push(...batch.map((row) => ({ table, ...row })));
      return `snapshot-${rows.length}`;
    },
  };
  return { rows, writer };
};

const baseline = () => {
  const locked = loadSpecLibrary(specLibraryDir).find(({ spec }) => spec.name === 'portfolio-gae-baseline');
  if (!locked) throw new Error('portfolio-gae-baseline.yaml is missing from the spec library');
  return locked;
};

describe('createRLRuntime', () => {
  beforeAll(() => registerBuiltinRLComponents());

  it('registers its built-in components through the central registry, once', () => {
    registerBuiltinRLComponents();
    expect([listRLComponents('environment'), listRLComponents('backbone'), listRLComponents('estimator')]).toEqual([
      ['synthetic-portfolio'],
      ['random-weights'],
      ['gae', 'monte-carlo'],
    ]);
    expect(() => registerRLComponent('estimator', 'gae', () => ({ estimate: () => ({ advantages: [], returns: [] }) }))).toThrow(
      'registry.register: rl.estimator/gae is already registered',
    );
  });

  it.each(loadSpecLibrary(specLibraryDir).map((locked) => [locked.spec.name, locked] as const))(
    'runs library spec %s reproducibly',
    async (_, locked) => {
      const first = memoryTable();
      const result = await createRLRuntime({ trajectories: first.writer }).run(locked);
      const { episodes, horizon } = locked.spec.rollout;
      expect(result).toMatchObject({ experiment: locked.spec.name, lock: locked.lock, episodes, steps: episodes * horizon });
      expect(result.snapshots).toHaveLength(episodes);
      expect(first.rows).toHaveLength(episodes * horizon);
      expect(new Set(first.rows.map((row) => `${row.table}|${row.experiment_lock}`))).toEqual(
        new Set([`${locked.spec.trajectories.table}|${locked.lock}`]),
      );
      const second = memoryTable();
      expect((await createRLRuntime({ trajectories: second.writer }).run(locked)).meanReturn).toBe(result.meanReturn);
      expect(second.rows).toEqual(first.rows);
    },
  );

  it('reports progress per episode', async () => {
    const locked = baseline();
    const events: ProgressEvent[] = [];
    const stop = progress.subscribe((event) => events.push(event));
    await createRLRuntime({ trajectories: memoryTable().writer }).run(locked);
    stop();
    expect(events.map((event) => event.fraction)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(events[0]).toMatchObject({ job: 'rl/portfolio-gae-baseline', stage: 'rollout' });
  });

  it('refuses a spec whose lock does not match, before writing anything', async () => {
    const locked = baseline();
    const table = memoryTable();
    const tampered = { ...locked, spec: { ...locked.spec, seed: 8 } };
    await expect(createRLRuntime({ trajectories: table.writer }).run(tampered)).rejects.toThrow(
      `locked ${locked.lock}, spec hashes to ${lockSpec(tampered.spec).lock}`,
    );
    expect(table.rows).toEqual([]);
  });

  it('names the experiment and the missing component', async () => {
    const locked = baseline();
    const spec = { ...locked.spec, policy: { backbone: 'transformer', params: {} } };
    await expect(createRLRuntime({ trajectories: memoryTable().writer }).run(lockSpec(spec))).rejects.toThrow(
      'ASW-303 experiment "portfolio-gae-baseline": no backbone named "transformer" is registered (registered: random-weights)',
    );
  });
});
