import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packages = join(import.meta.dirname, '../..');

/** Every name a module re-exports through `export { … } from` / `export type { … } from`, types included. */
const exportedNames = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(join(packages, file), 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements
    .filter(ts.isExportDeclaration)
    .flatMap((declaration) =>
      declaration.exportClause && ts.isNamedExports(declaration.exportClause)
        ? declaration.exportClause.elements.map((element) => element.name.text)
        : [],
    )
    .sort();
};

describe('complete legacy shims, types included', () => {
  it.each([
    ['monolith/src/rl/index.ts', 'rl/src/index.ts'],
    ['monolith/src/ml/index.ts', 'models/src/index.ts'],
  ])('%s re-exports every export of %s', (shim, target) => {
    expect(exportedNames(shim)).toEqual(exportedNames(target));
  });

  it.each(['monolith/src/llm/vllm-runner.ts', 'monolith/src/llm/ollama-client.ts'])(
    '%s re-exports only what @alphaswarm/models/serving exports',
    (shim) => {
      const serving = exportedNames('models/src/serving/index.ts');
      expect(exportedNames(shim).filter((name) => !serving.includes(name))).toEqual([]);
    },
  );
});
