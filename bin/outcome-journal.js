#!/usr/bin/env node
/**
 * The package's command line. An installed package runs the JavaScript that `npm pack` compiled
 * into cli/ (Node strips no types under node_modules); a checkout without it runs the sources.
 */
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { rerunWithFlags } from './node-flags.js';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
	console.error(
		`outcome-journal needs Node 22.12 or later, and this is Node ${process.versions.node}. Install a newer Node (nvm use reads .nvmrc).`,
	);
	process.exit(1);
}
const rerun = rerunWithFlags();
if (rerun === undefined) {
	nodeModule.enableCompileCache();
	const compiled = new URL('../cli/scripts/cli.js', import.meta.url);
	const { main } = await import(existsSync(compiled) ? compiled.href : '../scripts/cli.ts');
	process.exitCode = await main(process.argv.slice(2));
} else process.exitCode = rerun;
