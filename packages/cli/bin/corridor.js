#!/usr/bin/env node
// Entry point of the `corridor` command: runs the compiled CLI. Node's compile cache (22.1 and
// later) keeps the compiled code of Corridor and its libraries between runs, so every start after
// the first skips most of the compiling.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/main.js');

process.exitCode = await main(process.argv);
