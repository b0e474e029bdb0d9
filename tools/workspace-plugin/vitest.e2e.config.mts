import { defineE2eProject } from '../../vitest.shared.mjs';

export default defineE2eProject(import.meta.dirname);
