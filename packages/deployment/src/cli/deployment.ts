#!/usr/bin/env node
import { runDeploymentCli } from './deployment-cli.js';

process.exitCode = runDeploymentCli(process.argv.slice(2), process);
