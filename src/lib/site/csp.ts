/**
 * The Content-Security-Policy that every page carries in a `<meta>` tag, so that a journal on a
 * host that cannot send headers (GitHub Pages) still stops script that got into a page: scripts
 * only from the site's own files, with WebAssembly for Pagefind's search; no inline script or
 * style, no plugins, no `<base>` or form pointing elsewhere. Images may come from any https URL,
 * as bodies may show remote images; an image cannot run script.
 */
export const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self' data: https:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
].join('; ');
