import { describe, expect, it } from 'vitest';
import { WHOLE_PACKAGE, importedNames } from './imported-names.js';

describe('importedNames', () => {
  it.each([
    [
      'named and type imports, aliases under their declared name',
      "import { appendArrow, progress as p, type ArrowBatch } from '@alphaswarm/monolith-primitives';",
      ['appendArrow', 'ArrowBatch', 'progress'],
    ],
    [
      'an import type and a re-export',
      "import type { Weights } from '@alphaswarm/monolith-primitives';\nexport { registry } from '@alphaswarm/monolith-primitives';",
      ['registry', 'Weights'],
    ],
    ['a namespace import', "import * as primitives from '@alphaswarm/monolith-primitives';", [WHOLE_PACKAGE]],
    [
      'a dynamic import and a require',
      "const a = await import('@alphaswarm/monolith-primitives');\nconst b = require('@alphaswarm/monolith-primitives');",
      [WHOLE_PACKAGE],
    ],
    [
      'another package with the same prefix',
      "import { x } from '@alphaswarm/monolith-primitives-next';\nimport { y } from '@alphaswarm/monolith';",
      [],
    ],
    ['a subpath of the package', "import { createRLRuntime } from '@alphaswarm/monolith-primitives/rl';", ['createRLRuntime']],
  ])('%s', (_, text, names) => {
    expect(importedNames('a.ts', text, '@alphaswarm/monolith-primitives')).toEqual(names);
  });
});
