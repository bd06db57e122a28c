/** A bare Vite dev server for unit tests: no config file, no watcher, no HTTP, only `plugins`. */
import { createServer, type PluginOption, type ViteDevServer } from 'vite';

export function bareViteServer(root: string, plugins: PluginOption[] = []): Promise<ViteDevServer> {
	return createServer({
		root,
		configFile: false,
		logLevel: 'silent',
		appType: 'custom',
		server: { middlewareMode: true, watch: null, ws: false },
		plugins,
	});
}
