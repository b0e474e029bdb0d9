import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploymentDir } from '../deployment-files.js';
import { runDeploymentCli } from './deployment-cli.js';

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } },
  };
};

describe('deployment CLI', () => {
  let workspace: string;
  let dir: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'deployment-'));
    dir = join(workspace, 'packages/deployment');
    for (const entry of ['package.json', 'images.json', 'docker', 'compose', 'k8s'])
      cpSync(join(deploymentDir, entry), join(dir, entry), { recursive: true });
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('exits 0 on the package manifests', () => {
    const { out, io } = capture();
    expect(runDeploymentCli(['validate', '--dir', dir], io)).toBe(0);
    expect(out.stdout).toBe('deployment: images.json and 2 manifest(s) are valid\n');
  });

  it('exits 1 naming the manifest that uses an unknown image', () => {
    const file = join(dir, 'k8s/controller.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('alphaswarm/controller:0.1.0', 'ghcr.io/someone/miner:1'));
    const { out, io } = capture();
    expect(runDeploymentCli(['validate', '--dir', dir, '--json'], io)).toBe(1);
    expect(JSON.parse(out.stdout).violations).toMatchObject([{ file: 'k8s/controller.yaml', code: 'ASW-602' }]);
  });

  it('exits 1 on an unknown command', () => {
    const { out, io } = capture();
    expect(runDeploymentCli(['deploy'], io)).toBe(1);
    expect(out.stderr).toContain('unknown command "deploy"');
  });
});
