import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkWorkspace, extractSpecifiers, loadBoundaryWorkspace, SPECIFIER_CACHE_PATH, SpecifierCache } from '@alphaswarm/policy';
import type { CheckRequest, CheckResult } from './check-in-worker.js';

// The engine's whole-workspace check, in a worker thread of `pnpm boundaries` (see check-in-worker.ts).
const { root, cache: useCache } = workerData as CheckRequest;
const cache = useCache ? SpecifierCache.open(join(root, SPECIFIER_CACHE_PATH)) : undefined;
const report = checkWorkspace(root, loadBoundaryWorkspace(root), cache?.extract ?? extractSpecifiers);
const result: CheckResult = { report, cache: cache ? { ...cache.stats, saved: cache.save() } : undefined };
parentPort?.postMessage(result);
