/**
 * Serves a folder of built files over Node's http: the dev server's copy of the last search
 * index, and the browser tests' server for `dist/`. Connect-style, so Vite can mount it.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
};

export type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Answers requests under `mount` (e.g. `/journal/pagefind/`) with files from `root`; a folder
 * answers with its `index.html`. Anything else, or a missing file, goes to `next`.
 */
export function serveFolder(root: string, mount = '/'): Handler {
	const top = resolve(root);
	return (req, res, next) => {
		const { pathname } = new URL(req.url ?? '/', 'http://localhost');
		if (!pathname.startsWith(mount)) return next();
		const path = resolve(top, `.${sep}${decodeURIComponent(pathname.slice(mount.length))}`);
		if (path !== top && !path.startsWith(top + sep)) return next();
		const file = fileAt(path) ?? fileAt(join(path, 'index.html'));
		if (!file) return next();
		res.writeHead(200, {
			'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
			'Content-Length': statSync(file).size,
		});
		createReadStream(file).pipe(res);
	};
}

function fileAt(path: string): string | undefined {
	try {
		return statSync(path).isFile() ? path : undefined;
	} catch {
		return undefined;
	}
}
