import { parseId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { InProcessWorkloadProvider } from './in-process-workload-provider.js';

const ref = { tenantId: parseId('tenant', 'acme'), workloadId: parseId('workload', 'wl-1') };

describe('InProcessWorkloadProvider', () => {
  it('tracks a workload from start to removal', async () => {
    const provider = new InProcessWorkloadProvider();
    expect(await provider.status(ref)).toBeUndefined();
    expect(await provider.start({ ...ref, name: 'feed', spec: { image: 'feed:1', replicas: 1 } })).toBe('running');
    expect(await provider.status(ref)).toEqual({ state: 'running' });
    expect(await provider.stop(ref)).toBe('stopped');
    expect(await provider.status(ref)).toEqual({ state: 'stopped' });
    await provider.remove(ref);
    expect(await provider.status(ref)).toBeUndefined();
  });

  it('refuses to stop a workload it never started', async () => {
    await expect(new InProcessWorkloadProvider().stop(ref)).rejects.toThrow('in-process provider: unknown workload acme/wl-1');
  });

  it('keeps tenants apart', async () => {
    const provider = new InProcessWorkloadProvider();
    await provider.start({ ...ref, name: 'feed', spec: { image: 'feed:1', replicas: 1 } });
    expect(await provider.status({ ...ref, tenantId: parseId('tenant', 'globex') })).toBeUndefined();
  });
});
