/**
 * `npm run dev`: what it serves, and that a saved change reaches its page. Every dev server of the
 * project shares its `.astro/` folder with other dev servers and builds, so each runs under the
 * Astro lock (pages.ts).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFixture, leaksFixture, makeJournal, minimalFixture, repoRoot } from '../helpers.ts';
import { holdAstro, outDir, type SiteBuild } from './pages.ts';
import { freePort, serverEnv } from './server-process.ts';

describe('npm run dev', () => {
	it('shows saved, new and deleted entries, and people', { timeout: 240_000 }, async () => {
		const entry = (title: string, body: string) =>
			`---\ntitle: ${title}\ndate: 2026-03-01\nauthors: [ana]\nstatus: shipped\n---\n\n${body}\n`;
		const root = makeJournal({ 'entries/2026/dev-edit.md': entry('Before the edit', 'Old body.') });
		// Older than the start, so that the server starts from the checker's reading of it.
		const longAgo = new Date('2026-01-01T00:00:00Z');
		utimesSync(join(root, 'entries/2026/dev-edit.md'), longAgo, longAgo);
		const dev = await startDev(root);
		const page = (slug: string) => `${dev.url}/entries/${slug}/`;
		const shows =
			(...texts: string[]) =>
			async (r: Response) => {
				const html = r.ok ? await r.text() : '';
				return texts.every((text) => html.includes(text));
			};
		try {
			await poll(page('dev-edit'), shows('Old body.'), 120_000);

			writeFileSync(join(root, 'entries/2026/dev-edit.md'), entry('After the edit', 'New body.'));
			// The title comes from the store and the body from the file: both change.
			const edited = await poll(page('dev-edit'), shows('After the edit', 'New body.'), 60_000);
			expect(await edited.text()).not.toContain('Before the edit');

			// No page imports a person's file: the server drops the pages when the loader reads it.
			const person = join(root, 'people/ana.yml');
			writeFileSync(person, readFileSync(person, 'utf8').replace('Ana Souza', 'Ana Renamed'));
			await poll(page('dev-edit'), shows('Ana Renamed'), 60_000);

			writeFileSync(join(root, 'entries/2026/dev-new.md'), entry('A new entry', 'Fresh.'));
			await poll(page('dev-new'), shows('A new entry'), 60_000);

			rmSync(join(root, 'entries/2026/dev-edit.md'));
			await poll(page('dev-edit'), async (r) => r.status === 404, 60_000);
			expect(await (await fetch(`${dev.url}/`)).text()).not.toContain('After the edit');
		} finally {
			await dev.stop();
		}
	});
});

// Dev pages read the loaders' stores, a build reads Astro's (docs/decisions/0004): the same
// entries must give the same pages. `hostile` has markup in every text, code and an image.
describe('npm run dev and npm run build', () => {
	it('serve the same pages for the hostile journal', { timeout: 300_000 }, async () => {
		const dev = await startDev(hostileFixture, [], { JOURNAL_TODAY: '2026-06-01' });
		try {
			await samePages('hostile', dev.url);
		} finally {
			await dev.stop();
		}
	});
});

// The loaders decide what a public dev server publishes from the report of the check, which runs
// on its own thread (docs/decisions/0012): what only internal entries name must stay out.
describe('npm run dev for a public audience', () => {
	it(
		'serves the public build’s pages, and none of what only internal entries name',
		{ timeout: 300_000 },
		async () => {
			const dev = await startDev(leaksFixture, [], {
				JOURNAL_TODAY: '2026-06-01',
				JOURNAL_AUDIENCE: 'public',
			});
			try {
				await samePages('leaksPublic', dev.url);
				for (const path of [
					'people/zqleak-person/',
					'teams/zqleak-team/',
					'features/zqleak-feature/',
					'metrics/zqleak-metric/',
				]) {
					const response = await fetch(`${dev.url}/${path}`);
					expect(response.status, path).toBe(404);
				}
				const home = await (await fetch(`${dev.url}/`)).text();
				expect(home.toLowerCase()).not.toContain('zqleak');
			} finally {
				await dev.stop();
			}
		},
	);
});

// One dev server of the minimal journal for both: each start costs a sync of its content.
describe('npm run dev on the minimal journal', () => {
	let dev: Awaited<ReturnType<typeof startDev>>;
	beforeAll(async () => {
		dev = await startDev(minimalFixture, ['--outDir', outDir('minimal')], {
			JOURNAL_TODAY: '2026-06-01',
		});
	});
	afterAll(() => dev?.stop());

	it('serves the last built index under the base path', { timeout: 120_000 }, async () => {
		const response = await poll(`${dev.url}/pagefind/pagefind.js`, (r) => r.ok, 90_000);
		expect(response.headers.get('content-type')).toMatch(/javascript/);
		expect(await response.text()).toContain('pagefind');
	});

	it('serves the same pages as npm run build', { timeout: 300_000 }, async () => {
		await samePages('minimal', dev.url);
	});
});

/** Compares every entry page and each list page that dev at `url` serves with the build's. */
async function samePages(build: SiteBuild, url: string) {
	const built = outDir(build);
	const entries = readdirSync(join(built, 'entries'), { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => `entries/${e.name}/`);
	const paths = ['', ...entries, 'people/', 'teams/', 'features/', 'metrics/'];
	expect(entries.length).toBeGreaterThan(0);
	await poll(`${url}/`, (r) => r.ok, 120_000);
	for (const path of paths) {
		const response = await fetch(`${url}/${path}`);
		const served = await response.text();
		expect(response.status, `/${path}: ${served.slice(0, 2000)}`).toBe(200);
		const written = readFileSync(join(built, path, 'index.html'), 'utf8');
		expect(mainOf(served, `dev /${path}`), `/${path}`).toBe(mainOf(written, `/${path}`));
	}
}

/**
 * Attributes that differ between dev and a build by design: the URLs of assets (hashed files in a
 * build, source files in dev), Astro's style scoping, and the marker Astro's image step adds to a
 * body's image when it renders the body at sync (a build) but not on demand (dev, journal-loader.ts).
 */
const BY_DESIGN = /^(src|srcset|data-astro-.*|data-image-component)$/;

/** A page's main content (a moved entry's page has only a body), without what differs by design. */
function mainOf(html: string, page: string): string {
	const document = parse(html);
	const main = document.querySelector('main') ?? document.querySelector('body');
	if (!main) throw new Error(`no <main> or <body> in ${page}: ${html}`);
	for (const element of main.querySelectorAll('*'))
		for (const name of Object.keys(element.attributes))
			if (BY_DESIGN.test(name)) element.removeAttribute(name);
	return main.outerHTML.replace(/\s+/g, ' ');
}

/** Starts `astro dev` on the journal at `root`: its origin, and how to stop it. */
async function startDev(root: string, args: string[] = [], env: Record<string, string> = {}) {
	const port = await freePort();
	const release = holdAstro();
	const dev = spawn(
		process.execPath,
		[
			join(repoRoot, 'node_modules/astro/bin/astro.mjs'),
			'dev',
			'--port',
			String(port),
			'--host',
			'127.0.0.1',
			...args,
		],
		{
			cwd: repoRoot,
			env: { ...serverEnv(), ...env, JOURNAL_CONTENT: root, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: 'ignore',
		},
	);
	const exited = new Promise((resolve) => dev.once('exit', resolve));
	// Waits for the exit: a server still shutting down could write its store over the next one's.
	const stop = async () => {
		dev.kill();
		await exited;
		release();
	};
	return { url: `http://127.0.0.1:${port}`, stop };
}

/**
 * Fetches `url` until `accept` holds (the dev server takes a few seconds to start, and a change a
 * moment to reach its page); the last response, or the last error past `timeoutMs`.
 */
async function poll(
	url: string,
	accept: (response: Response) => boolean | Promise<boolean>,
	timeoutMs: number,
): Promise<Response> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url);
			if (await accept(response.clone())) return response;
			if (Date.now() > until) throw new Error(`${url} answered ${response.status}`);
		} catch (error) {
			if (Date.now() > until) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
