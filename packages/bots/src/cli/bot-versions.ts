#!/usr/bin/env node
import { runBotVersionsCli } from './bot-versions-cli.js';

process.exitCode = runBotVersionsCli(process.argv.slice(2), process);
