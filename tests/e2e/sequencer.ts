/**
 * Orders a run's test files so that journals build while tests run: the unit files first, then the
 * e2e files, fewest builds to wait for first, and Lighthouse last. As the run starts, prebuild.ts
 * begins building every journal the e2e files name, the most used first, in a process of its own.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { buildsNamedIn, recipeOf, type Recipe } from './journals.ts';

/** The name of the vitest project whose files read built journals. */
export const E2E = 'e2e';

/** Files whose scores are timed: last, when no build and fewest other tests share the cores. */
const TIMED = /\/lighthouse\.test\.ts$/;

export class JournalSequencer extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const e2e = sorted.filter((spec) => spec.project.name === E2E);
		if (e2e.length === 0) return sorted;
		const needs = new Map(
			e2e.map((spec) => [
				spec,
				new Set(buildsNamedIn(readFileSync(spec.moduleId, 'utf8')).map(recipeOf)),
			]),
		);
		const uses = new Map<Recipe, number>();
		for (const recipes of needs.values())
			for (const recipe of recipes) uses.set(recipe, (uses.get(recipe) ?? 0) + 1);
		const order = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)!);
		const lastNeeded = (spec: TestSpecification) =>
			Math.max(-1, ...[...needs.get(spec)!].map((recipe) => order.indexOf(recipe)));
		prebuild(e2e[0]!.project.getProvidedContext().buildDir, order);
		const timed = (spec: TestSpecification) => (TIMED.test(spec.moduleId) ? 1 : 0);
		return [
			...sorted.filter((spec) => spec.project.name !== E2E),
			...e2e.sort((a, b) => timed(a) - timed(b) || lastNeeded(a) - lastNeeded(b)),
		];
	}
}

/** Starts prebuild.ts on `recipes`, in its own process group (global-setup.ts ends it). */
function prebuild(dir: string, recipes: Recipe[]) {
	if (recipes.length === 0) return;
	const script = fileURLToPath(new URL('./prebuild.ts', import.meta.url));
	spawn(process.execPath, [script, dir, ...recipes], { detached: true, stdio: 'ignore' }).unref();
}
