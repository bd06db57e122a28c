/**
 * Images that markdown bodies show from beside them (`![chart](./chart.png)`). The build copies
 * each into the site, so each must be a file inside the content root: a missing one would stop
 * the build with a stack trace, and one outside the root would be published. It must also be a
 * picture the build can measure (Astro stops on one it cannot), and not an SVG: an SVG is a
 * document that runs its own script when opened from the site, whatever the page around it allows.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { imageSize } from 'image-size';
import { definitions } from 'mdast-util-definitions';
import type * as FromMarkdown from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { loadOnUse } from '../utils/load-on-use.ts';
import { quote } from '../utils/quote.ts';
import { findFileProblem } from './files.ts';
import type { LoadedJournal, SourceDoc } from './load.ts';
import type { Problem } from './problems.ts';

/** The markdown parser (micromark), loaded only for a body that may show an image. */
const markdown = loadOnUse<typeof FromMarkdown>('mdast-util-from-markdown');

/** Every local image of every entry and feature body that is not a file inside the root. */
export function findBrokenImages(journal: LoadedJournal): Problem[] {
	return [...journal.features, ...journal.entries].flatMap((doc) => findInBody(journal.root, doc));
}

function findInBody(root: string, doc: SourceDoc<unknown>): Problem[] {
	// Most bodies show no image; parsing only those that might keeps the check fast.
	if (!doc.body?.includes('![')) return [];
	const tree = markdown().fromMarkdown(doc.body);
	const definition = definitions(tree);
	const problems: Problem[] = [];
	visit(tree, (node) => {
		const written =
			node.type === 'image'
				? node.url
				: node.type === 'imageReference'
					? definition(node.identifier)?.url
					: undefined;
		if (written === undefined) return;
		const problem = (message: string) =>
			void problems.push({
				file: doc.file,
				line: (doc.bodyLine ?? 1) + (node.position?.start.line ?? 1) - 1,
				field: null,
				severity: 'error',
				message: `image ${quote(written)} ${message}`,
			});
		// As Astro reads it: a URL is remote, a path from "/" is the site's own; the rest is a file.
		let url: string;
		try {
			url = decodeURI(written);
		} catch {
			return problem('has a malformed %-escape; write the file name as it is.');
		}
		if (URL.canParse(url) || url.startsWith('/')) return;
		const path = resolve(dirname(doc.path), url);
		const why = findFileProblem(root, path);
		if (why)
			problem(`${why}; images shown from beside a file must be files inside the content root.`);
		else {
			const unfit = findUnfitPicture(path);
			if (unfit) problem(unfit);
		}
	});
	return problems;
}

const SAVE_AS = 'save it as PNG, JPEG, WebP, GIF or AVIF';

/** Why the picture at `path` cannot go into the site as it is, if it cannot. */
function findUnfitPicture(path: string): string | undefined {
	const script = `is an SVG, which can run script when opened from the site; ${SAVE_AS} instead.`;
	if (/\.svgz?$/i.test(path)) return script;
	let type: string | undefined;
	try {
		const size = imageSize(readFileSync(path));
		if (size.width && size.height) type = size.type;
	} catch {
		// Not a picture of any format the build knows.
	}
	if (type === 'svg') return script;
	return type
		? undefined
		: `is not a picture the build can read (no width and height found); ${SAVE_AS}.`;
}
