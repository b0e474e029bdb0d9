import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { exportKinds } from './export-kinds.js';

describe('exportKinds', () => {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(
    'src/module.ts',
    [
      "import type { Imported } from './other.js';",
      "import { external } from 'some-package';",
      'export interface Shape { readonly a: number }',
      'export type Alias = Shape | Imported;',
      'export class Box<T extends object = Shape, U = string> { constructor(readonly value: T, readonly label: U) {} }',
      'export enum Colour { Red }',
      'export function make(): Shape { return { a: 1 }; }',
      'export const progress = { emit() {} } as const;',
      'export const frozen = Object.freeze([1, 2]);',
      'export const pattern = /x/;',
      'export const limit = 3, handler = () => limit;',
      'export { external };',
      "export { relay, type Relayed } from './relay.js';",
      "export * from './all.js';",
      "export { fromPackage } from 'another-package';",
    ].join('\n'),
  );
  tree.write('src/relay.ts', 'export class relay {}\nexport interface Relayed { readonly b: string }\n');
  tree.write('src/all.ts', 'export function everything(): void {}\nexport type Everything = string;\n');

  it('says what each exported name is, following relative re-exports', () => {
    expect(Object.fromEntries(exportKinds(tree, 'src/module.ts'))).toEqual({
      Shape: { kind: 'type' },
      Alias: { kind: 'type' },
      Box: { kind: 'value-and-type', parameters: '<T extends object = Shape, U = string>', arguments: '<T, U>' },
      Colour: { kind: 'value-and-type', parameters: '', arguments: '' },
      make: { kind: 'value', observable: true },
      progress: { kind: 'value', observable: true },
      frozen: { kind: 'value', observable: true },
      pattern: { kind: 'value', observable: false },
      limit: { kind: 'value', observable: false },
      handler: { kind: 'value', observable: true },
      external: { kind: 'opaque-value' },
      relay: { kind: 'value-and-type', parameters: '', arguments: '' },
      Relayed: { kind: 'type' },
      everything: { kind: 'value', observable: true },
      Everything: { kind: 'type' },
      fromPackage: { kind: 'opaque-value' },
    });
  });
});
