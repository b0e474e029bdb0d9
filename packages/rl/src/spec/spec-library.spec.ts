import { describe, expect, it } from 'vitest';
import { relockSpecFile } from './spec-file.js';
import { loadSpecLibrary, readSpecSources, specLibraryDir, validateSpecLibrary, type SpecSource } from './spec-library.js';

const library = readSpecSources(specLibraryDir);
const good = library.find((source) => source.file.endsWith('portfolio-gae-baseline.yaml')) as SpecSource;
const lockOf = (text: string) => /lock: (sha256:[0-9a-f]{64})/.exec(text)?.[1];

describe('the spec library (packages/rl/specs)', () => {
  it('holds valid, locked specs', () => {
    expect(library.map((source) => source.file.split('/').pop())).toEqual([
      'portfolio-gae-baseline.yaml',
      'portfolio-high-cost.yaml',
      'portfolio-monte-carlo.yaml',
    ]);
    expect(validateSpecLibrary(library)).toEqual([]);
  });

  it('loads every spec with its lock', () => {
    expect(loadSpecLibrary(specLibraryDir).map(({ spec, lock }) => [spec.name, lock])).toEqual(
      library.map((source) => [source.file.split('/').pop()?.replace('.yaml', ''), lockOf(source.text)]),
    );
  });
});

describe('validateSpecLibrary', () => {
  const edited = good.text.replace('episodes: 4', 'episodes: 5');
  const relocked = relockSpecFile(edited, good.file);

  it.each([
    [
      'a spec changed without re-locking',
      edited,
      'ASW-301',
      `does not match its lock (locked ${lockOf(good.text)}, spec hashes to ${lockOf(relocked)})`,
    ],
    ['invalid YAML', `${good.text}\n  : : [`, 'ASW-302', 'not valid YAML'],
    ['an unknown field', good.text.replace('  seed: 7', '  seed: 7\n  budget: 3'), 'ASW-302', 'spec: Unrecognized key: "budget"'],
    ['a wrong value', good.text.replace('gamma: 0.99', 'gamma: 1.5'), 'ASW-302', 'spec.advantage.gamma: Too big'],
    [
      'a malformed lock',
      good.text.replace(/lock: sha256:[0-9a-f]+/, 'lock: deadbeef'),
      'ASW-302',
      'lock: is not a content address: use sha256: and 64 lowercase hex digits',
    ],
  ])('reports %s', (_, text, code, message) => {
    const [violation, ...rest] = validateSpecLibrary([{ file: good.file, text }]);
    expect(rest).toEqual([]);
    expect(violation?.code).toBe(code);
    expect(violation?.message).toContain(`${good.file}: `);
    expect(violation?.message).toContain(message);
  });

  it('reports a file not named after its experiment and a name defined twice', () => {
    expect(validateSpecLibrary([good, { file: 'specs/other.yaml', text: good.text }]).map((violation) => violation.message)).toEqual([
      'ASW-302 specs/other.yaml: holds experiment "portfolio-gae-baseline"; rename the file to portfolio-gae-baseline.yaml',
      `ASW-302 specs/other.yaml: experiment "portfolio-gae-baseline" is already defined in ${good.file}`,
    ]);
  });

  it('accepts a changed spec once it is re-locked, keeping the comments', () => {
    expect(validateSpecLibrary([{ file: good.file, text: relocked }])).toEqual([]);
    expect(relocked.split('\n').slice(0, 2)).toEqual(good.text.split('\n').slice(0, 2));
    expect(lockOf(relocked)).not.toBe(lockOf(good.text));
  });
});
