import { join } from 'node:path';

/** The folder holding each generator's `files/` (the same from src/ in tests and from dist/ under Nx). */
export function templatesRoot(): string {
  return join(import.meta.dirname, '../../src/generators');
}
