#!/usr/bin/env node
// @ts-check
/**
 * What the npm scripts run: the command line of cli.ts, started from plain JavaScript so that
 * Node's compile cache is on before any TypeScript is read. Every module then comes type-stripped
 * and compiled from the cache, and Node never loads its TypeScript stripper, a noticeable part of
 * a short command's run. `node scripts/cli.ts` works too, and pays that.
 */
import { enableCompileCache } from 'node:module';
import { rerunWithFlags } from '../bin/node-flags.js';

const rerun = rerunWithFlags();
if (rerun === undefined) {
	enableCompileCache();
	const { main } = await import('./cli.ts');
	process.exitCode = await main(process.argv.slice(2));
} else process.exitCode = rerun;
