#!/usr/bin/env node
import { runSnippetsCli } from './snippets-cli.js';

process.exitCode = runSnippetsCli(process.argv.slice(2), process);
