/** What a test needs to run a server of its own in another process. */
import { createServer, type AddressInfo } from 'node:net';

/** A TCP port that nothing listens on now. */
export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * This process's environment without vitest's variables: under them every page `astro dev`
 * serves answers 404.
 */
export function serverEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'),
		),
	);
}
