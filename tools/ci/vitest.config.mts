import { defineProject } from '../../vitest.shared.mjs';

export default defineProject(import.meta.dirname);
