import { afterEach, describe, expect, it } from 'vitest';
import { register, registeredNames, resolve, type RegisteredComponent } from './register.js';

describe('central registry', () => {
  const handles: RegisteredComponent<unknown>[] = [];
  afterEach(() => handles.splice(0).forEach((handle) => handle.unregister()));

  it('registers a factory and builds it with options', () => {
    const handle = register({ kind: 'analysis', name: 'zscore' }, (options) => ({ window: options.window ?? 20 }));
    handles.push(handle);
    expect(handle.create({ window: 5 })).toEqual({ window: 5 });
    expect(resolve({ kind: 'analysis', name: 'zscore' })).toEqual({ window: 20 });
    expect(registeredNames('analysis')).toEqual(['zscore']);
  });

  it('refuses a second registration of the same key', () => {
    handles.push(register({ kind: 'analysis', name: 'zscore' }, () => 1));
    expect(() => register({ kind: 'analysis', name: 'zscore' }, () => 2)).toThrow(
      'registry.register: analysis/zscore is already registered',
    );
  });

  it('withdraws a registration', () => {
    register({ kind: 'analysis', name: 'temp' }, () => 1).unregister();
    expect(registeredNames('analysis')).toEqual([]);
  });

  it('names the key and the registered names when nothing is registered', () => {
    handles.push(register({ kind: 'analysis', name: 'zscore' }, () => 1));
    expect(() => resolve({ kind: 'analysis', name: 'beta' })).toThrow(
      'ASW-501 nothing is registered as analysis/beta (registered analysis: zscore); register it with register().',
    );
  });
});
