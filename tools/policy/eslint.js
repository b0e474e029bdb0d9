// The ESLint entry of the boundary engine. ESLint, and Nx (which loads eslint.config.mjs to infer
// lint targets), load it before anything else may have been built: load the built engine, or say
// how to build it. `pnpm install` builds it (this package's prepare script).
import { existsSync } from 'node:fs';

if (!existsSync(new URL('./dist/eslint.js', import.meta.url))) {
  throw new Error(
    '@alphaswarm/policy (the boundary engine eslint.config.mjs loads) is not built: run `pnpm install`, whose prepare script builds it, or `pnpm exec tsc -b tools/policy/tsconfig.lib.json`, then run ESLint again.',
  );
}

export const { boundariesConfig, boundariesRule, BOUNDARY_FILES } = await import('./dist/eslint.js');
