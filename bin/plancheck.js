#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

const code = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
process.exitCode = code;
