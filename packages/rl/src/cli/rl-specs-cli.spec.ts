import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specLibraryDir } from '../spec/spec-library.js';
import { runRlSpecsCli } from './rl-specs-cli.js';

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } },
  };
};

describe('rl-specs CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-specs-'));
    cpSync(specLibraryDir, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validates the library and exits 0', () => {
    const { out, io } = capture();
    expect(runRlSpecsCli(['validate', '--dir', dir], io)).toBe(0);
    expect(out.stdout).toBe(`rl-specs: 3 spec(s) in ${dir} are valid and locked\n`);
  });

  it('exits 1 and names the file when a spec changed, then accepts it once re-locked', () => {
    const file = join(dir, 'portfolio-high-cost.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('episodes: 2', 'episodes: 3'));
    const failed = capture();
    expect(runRlSpecsCli(['validate', '--dir', dir, '--json'], failed.io)).toBe(1);
    expect(JSON.parse(failed.out.stdout).violations).toMatchObject([{ file, code: 'ASW-301' }]);
    const locked = capture();
    expect(runRlSpecsCli(['lock', '--dir', dir, '--json'], locked.io)).toBe(0);
    expect(JSON.parse(locked.out.stdout)).toEqual({ relocked: [file] });
    expect(runRlSpecsCli(['validate', '--dir', dir], capture().io)).toBe(0);
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['validate', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 1 on %j', (argv, message) => {
    const { out, io } = capture();
    expect(runRlSpecsCli(argv, io)).toBe(1);
    expect(out.stderr).toContain(message);
  });
});
