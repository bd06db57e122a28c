/**
 * Which way imports may point (CONTRIBUTING.md, "Layers"): content (reading and checking entries)
 * → facts (derived facts) → site views and pages; the CLI and Astro integrations use any of them,
 * and no module is part of a cycle, type imports included. Checked by tests/unit/layers.test.ts;
 * `npx depcruise src scripts` shows every violation.
 */
const LIB = '^src/lib/';
const ABOVE_LIB = '^src/(pages|components|layouts|data|scripts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
	forbidden: [
		{
			name: 'no-cycle',
			comment: 'A module must not reach itself through its imports, type imports included.',
			severity: 'error',
			from: {},
			to: { circular: true },
		},
		{
			name: 'utils-import-no-layer',
			comment: 'src/lib/utils is below every layer: it imports none of them.',
			severity: 'error',
			from: { path: `${LIB}utils/` },
			to: { path: [`${LIB}(content|facts|site|integration)/`, ABOVE_LIB] },
		},
		{
			name: 'content-imports-no-higher-layer',
			comment:
				'Reading and checking entries knows nothing of facts, site views, Astro glue or pages.',
			severity: 'error',
			from: { path: `${LIB}content/` },
			to: { path: [`${LIB}(facts|site|integration)/`, ABOVE_LIB] },
		},
		{
			name: 'facts-import-no-site',
			comment: 'Derived facts know nothing of site views, Astro glue or pages.',
			severity: 'error',
			from: { path: `${LIB}facts/` },
			to: { path: [`${LIB}(site|integration)/`, ABOVE_LIB] },
		},
		{
			name: 'lib-imports-no-page',
			comment: 'Nothing under src/lib imports a page, component, layout or the site data.',
			severity: 'error',
			from: { path: LIB },
			to: { path: ABOVE_LIB },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^(node_modules|dist|tests/\\.tmp)/' },
		// Type-only imports count: a cycle of types is still a cycle a reader has to untangle.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
	},
};
