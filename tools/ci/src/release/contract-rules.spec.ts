import { describe, expect, it } from 'vitest';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { reportHeader } from '@alphaswarm/api-report';
import { contractBump, updateReportHeaders } from './contract-rules.js';

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
