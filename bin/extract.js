#!/usr/bin/env node
// Thin entry point: everything happens in run(argv, io), which returns the exit code.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
