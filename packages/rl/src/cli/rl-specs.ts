#!/usr/bin/env node
import { runRlSpecsCli } from './rl-specs-cli.js';

process.exitCode = runRlSpecsCli(process.argv.slice(2), process);
