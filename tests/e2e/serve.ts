/**
 * A small static server for browser tests: serves a built `dist/` folder under the site's base,
 * like a static host would (folders → index.html, unknown paths → 404.html with status 404),
 * with optional response headers such as a Content-Security-Policy.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	// Pagefind's index files are binary.
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

export interface ServeOptions {
	/** Path the site is served under (journal.yml `base`), default `/`. */
	base?: string;
	/** Sent with every response, e.g. `{ 'Content-Security-Policy': '…' }`. */
	headers?: Record<string, string>;
}

export interface StaticServer {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	/** Absolute URL of a site path such as `/entries/x/` (the base is prepended). */
	url: (path: string) => string;
	close: () => Promise<void>;
}

/** Serves `root` on a free local port until `close()`. */
export async function serve(root: string, options: ServeOptions = {}): Promise<StaticServer> {
	const base = (options.base ?? '/').replace(/\/?$/, '/');
	const headers = options.headers ?? {};
	const top = resolve(root);
	const server = createServer((req, res) => {
		const send = (status: number, file: string | undefined) => {
			const type = file ? (TYPES[extname(file)] ?? 'application/octet-stream') : 'text/plain';
			res.writeHead(status, { ...headers, 'Content-Type': type });
			if (file) createReadStream(file).pipe(res);
			else res.end('Not found');
		};
		let pathname: string;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		} catch {
			return send(400, undefined);
		}
		const notFound = join(top, '404.html');
		const fallback = () => send(404, existsSync(notFound) ? notFound : undefined);
		if (!pathname.startsWith(base)) return fallback();
		let file = resolve(top, `.${sep}${pathname.slice(base.length)}`);
		if (file !== top && !file.startsWith(top + sep)) return fallback();
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) return fallback();
		send(200, file);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (path) => `${origin}${base}${path.replace(/^\//, '')}`,
		close: () => new Promise((done) => server.close(() => done())),
	};
}
