import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { templatesRoot } from '../../../lib/templates-root.js';

/** The helper a compatibility-binding shim imports, as the generator writes it (the template has no placeholders). */
type Helper = {
  deprecatedBinding<T>(value: T, name: string, legacy: { code: string; legacyPath: string; replacement: string }): T;
  isObservable(value: unknown): boolean;
};

describe('deprecatedBinding (the compatibility bindings’ runtime)', () => {
  let folder: string;
  let helper: Helper;
  const legacy = (code: string) => ({ code, legacyPath: '@alphaswarm/old', replacement: '@alphaswarm/new' });
  const warnings: { message: string; code: string | undefined }[] = [];
  const onWarning = (warning: Error & { code?: string }) => warnings.push({ message: warning.message, code: warning.code });

  beforeAll(async () => {
    // Written into the project's git-ignored tmp/ and imported by a literal path, so the boundary
    // checkers can see what the spec imports.
    folder = fileURLToPath(new URL('../../../../tmp/deprecated-binding', import.meta.url));
    mkdirSync(folder, { recursive: true });
    copyFileSync(
      join(templatesRoot(), 'move-module/files/binding-helper/internal/deprecated-binding.ts__tmpl__'),
      join(folder, 'deprecated-binding.ts'),
    );
    helper = await vi.importActual<Helper>('../../../../tmp/deprecated-binding/deprecated-binding.ts');
    process.on('warning', onWarning);
  });
  afterAll(() => {
    process.off('warning', onWarning);
    rmSync(folder, { recursive: true, force: true });
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  // Other tests' bindings warn with codes of their own, possibly after they end (a warning is emitted
  // on a later tick): this one looks only at its own code, so it holds in any order.
  it('warns once per code, on the first use, and not when the binding is only created', async () => {
    const own = () => warnings.filter((warning) => warning.code === 'ASWDEP901');
    const listeners: string[] = [];
    const progress = { emit: (event: string) => listeners.push(event) };
    const kept = helper.deprecatedBinding(progress, 'progress', legacy('ASWDEP901'));
    await settle();
    expect(own()).toEqual([]);
    kept.emit('a');
    kept.emit('b');
    helper.deprecatedBinding(progress, 'progress', legacy('ASWDEP901')).emit('c');
    await settle();
    expect(listeners).toEqual(['a', 'b', 'c']);
    expect(own()).toEqual([
      { message: 'progress from @alphaswarm/old is deprecated: import it from @alphaswarm/new instead.', code: 'ASWDEP901' },
    ]);
  });

  it('keeps a class a class: new, static members, instanceof both ways, subclasses', () => {
    class Context {
      static made = 0;
      readonly #secret: string;
      constructor(readonly id: string) {
        this.#secret = id.toUpperCase();
        Context.made += 1;
      }
      secret(): string {
        return this.#secret;
      }
    }
    const Kept = helper.deprecatedBinding(Context, 'Context', legacy('ASWDEP902'));
    const made = new Kept('r1');
    class Child extends Kept {}
    expect([made.secret(), made instanceof Context, new Context('r2') instanceof Kept, new Child('r3').secret(), Kept.made]).toEqual([
      'R1',
      true,
      true,
      'R3',
      3,
    ]);
  });

  it('calls a function with its arguments and this', () => {
    const add = vi.fn((a: number, b: number) => a + b);
    expect(helper.deprecatedBinding(add, 'add', legacy('ASWDEP903'))(2, 3)).toBe(5);
    expect(add).toHaveBeenCalledWith(2, 3);
  });

  it.each([
    ['a string', 'ASW'],
    ['a number', 3],
    ['a RegExp (internal slots)', /^[a-z]+$/],
    ['a Map (internal slots)', new Map([['a', 1]])],
    [
      'a class instance (private fields)',
      new (class {
        readonly #x = 1;
        x = () => this.#x;
      })(),
    ],
  ])('returns %s as it is: a Proxy would break it or could not notice its use', (_, value) => {
    expect(helper.isObservable(value)).toBe(false);
    expect(helper.deprecatedBinding(value, 'value', legacy('ASWDEP904'))).toBe(value);
  });

  it.each([
    ['a plain object', { a: 1 }],
    ['an object without a prototype', Object.create(null) as object],
    ['an array', [1, 2]],
    ['a function', () => 1],
  ])('stands behind a Proxy for %s', (_, value) => {
    expect(helper.isObservable(value)).toBe(true);
    expect(helper.deprecatedBinding(value, 'value', legacy('ASWDEP905'))).not.toBe(value);
  });
});
