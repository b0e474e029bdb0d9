/** A legacy import path of the monolith and where its code lives now. */
export interface LegacyImport {
  /** The Python path the seed document names. */
  readonly legacy: string;
  /** The deprecated workspace subpath that still works. */
  readonly shimPath: string;
  /** Where new code imports from. */
  readonly replacement: string;
  /** The DeprecationWarning code the shim emits. */
  readonly code: string;
}

/** Every legacy path the monolith keeps alive through a deprecation shim. */
export const legacyImports: readonly LegacyImport[] = Object.freeze([
  { legacy: 'alphaswarm.rl.*', shimPath: '@alphaswarm/monolith/rl', replacement: '@alphaswarm/rl', code: 'ASWDEP001' },
  { legacy: 'alphaswarm.ml.*', shimPath: '@alphaswarm/monolith/ml', replacement: '@alphaswarm/models', code: 'ASWDEP002' },
  {
    legacy: 'alphaswarm.llm.vllm_runner',
    shimPath: '@alphaswarm/monolith/llm/vllm-runner',
    replacement: '@alphaswarm/models/serving',
    code: 'ASWDEP003',
  },
  {
    legacy: 'alphaswarm.llm.ollama_client',
    shimPath: '@alphaswarm/monolith/llm/ollama-client',
    replacement: '@alphaswarm/models/serving',
    code: 'ASWDEP004',
  },
]);

/** The new import path for a legacy shim path, or undefined when the path is not a shim. */
export function replacementFor(shimPath: string): string | undefined {
  return legacyImports.find((entry) => entry.shimPath === shimPath)?.replacement;
}
