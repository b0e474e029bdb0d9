import { describe, expect, it } from 'vitest';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { reportHeader } from '@alphaswarm/api-report';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractBump, reportsChangedSince, updateReportHeaders } from './contract-rules.js';

describe('contractBump', () => {
  it.each([
    ['0.1.0', 'major', { specifier: 'minor', note: 'a breaking change below 1.0 is a minor bump, as the gate’s contracts criterion says' }],
    ['0.1.0', 'minor', { specifier: 'minor' }],
    ['0.1.0', 'patch', { specifier: 'patch' }],
    ['1.2.3', 'major', { specifier: 'major' }],
    ['1.2.3', 'minor', { specifier: 'minor' }],
    [null, 'major', { specifier: 'major' }],
    ['0.1.0', '2.0.0', { specifier: '2.0.0' }],
  ])('%s + %s', (current, specifier, expected) => {
    expect(contractBump(current, specifier)).toEqual(expected);
  });

  it.each([
    ['0.1.0', 'patch', 'minor'],
    ['1.2.3', 'patch', 'minor'],
    ['0.1.0', 'minor', 'minor'],
    ['1.2.3', 'major', 'major'],
    ['0.1.0', 'major', 'minor'],
  ])('%s + %s with a changed API report -> %s', (current, specifier, expected) => {
    expect(contractBump(current, specifier, ['packages/core/api/index.api.md']).specifier).toBe(expected);
  });

  it('says why it raised a patch', () => {
    expect(contractBump('0.1.0', 'patch', ['packages/core/api/index.api.md']).note).toBe(
      'the API report packages/core/api/index.api.md changed since the last release: the gate’s contracts criterion needs at least a minor bump (a removed or changed export from 1.0 on needs a major one: mark the commit with "!")',
    );
  });
});

describe('updateReportHeaders', () => {
  it("rewrites the version in every report's header, as api-report writes it, and nothing else", () => {
    const tree = createTreeWithEmptyWorkspace();
    const manifest = { name: '@alphaswarm/core', version: '0.1.0' };
    const body = '\n\n## API Report File for "@alphaswarm/core"\n\nuses @alphaswarm/core@0.1.0, entry in prose\n';
    tree.write('packages/core/api/index.api.md', `${reportHeader(manifest, 'core', '.')}${body}`);
    tree.write('packages/core/api/serving.api.md', `${reportHeader(manifest, 'core', './serving')}${body}`);
    tree.write('packages/core/api/notes.txt', 'not a report @0.1.0, entry');
    expect(updateReportHeaders(tree, 'packages/core', '0.2.0')).toEqual([
      '✍️  New version 0.2.0 written to the header of packages/core/api/index.api.md',
      '✍️  New version 0.2.0 written to the header of packages/core/api/serving.api.md',
    ]);
    const next = { ...manifest, version: '0.2.0' };
    expect(tree.read('packages/core/api/index.api.md', 'utf-8')).toBe(`${reportHeader(next, 'core', '.')}${body}`);
    expect(tree.read('packages/core/api/serving.api.md', 'utf-8')).toBe(`${reportHeader(next, 'core', './serving')}${body}`);
    expect(tree.read('packages/core/api/notes.txt', 'utf-8')).toBe('not a report @0.1.0, entry');
    expect(updateReportHeaders(tree, 'packages/core', '0.2.0')).toEqual([]);
  });

  it('leaves a project without api/ alone', () => {
    expect(updateReportHeaders(createTreeWithEmptyWorkspace(), 'packages/none', '1.0.0')).toEqual([]);
  });
});

describe('reportsChangedSince', () => {
  it('compares each report with the tag, header left out; no tag means a first release', () => {
    const root = mkdtempSync(join(tmpdir(), 'asw-reports-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: root,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@example.invalid',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@example.invalid',
          },
        });
      const write = (file: string, text: string) => writeFileSync(join(root, 'packages/core/api', file), text);
      git('init', '--quiet');
      mkdirSync(join(root, 'packages/core/api'), { recursive: true });
      write('index.api.md', 'header @0.1.0\nexport declare function a(): void;\n');
      write('serving.api.md', 'header @0.1.0\nexport declare const b: 1;\n');
      git('add', '-A');
      git('commit', '--quiet', '-m', 'feat(core): first');
      expect(reportsChangedSince(root, 'packages/core', 'core@0.1.0')).toEqual([]);
      git('tag', 'core@0.1.0');
      write('index.api.md', 'header @0.2.0\nexport declare function a(): void;\n');
      expect(reportsChangedSince(root, 'packages/core', 'core@0.1.0')).toEqual([]);
      write('serving.api.md', 'header @0.1.0\nexport declare const b: 2;\n');
      write('extra.api.md', 'header @0.1.0\n');
      expect(reportsChangedSince(root, 'packages/core', 'core@0.1.0')).toEqual([
        'packages/core/api/extra.api.md',
        'packages/core/api/serving.api.md',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
