/**
 * Finding and reading content files without trusting them. The checker, the build's content
 * loader and `npm run new` all go through here, so they agree on which files the journal has.
 *
 * - Only regular files and folders are read. Names starting with "." are skipped (with a warning
 *   when the name would otherwise be read, such as `.idea.md`).
 * - A symlink is followed when it leads to a file or folder inside the content root, and each
 *   folder is read once, so a loop ends. A symlink that leads outside the root, is broken or loops
 *   is an error, and whatever it points at is never read.
 * - A file larger than {@link MAX_FILE_BYTES} is an error and is not read.
 * - Text must be UTF-8. A byte-order mark is dropped and CRLF line endings are read as LF.
 */
import { isUtf8 } from 'node:buffer';
import {
	closeSync,
	constants,
	type Dirent,
	fstatSync,
	lstatSync,
	openSync,
	readdirSync,
	readlinkSync,
	readSync,
	realpathSync,
	statSync,
} from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Problem } from './problems.ts';
import { quotePath } from '../utils/quote.ts';

/**
 * The largest content file read: 1 MiB, about 150,000 words. The longest real entries are tens of
 * kilobytes; rendering markdown takes seconds and hundreds of megabytes per megabyte of text.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Extensions that some content folder reads, so a hidden file with one is worth a warning. */
const CONTENT_EXTS = new Set(['.md', '.mdx', '.yml', '.csv']);

/** What a folder holds: files, and (when not read deeply) its subfolders. */
export interface Listing {
	/** Absolute paths of files, sorted. */
	files: string[];
	/** Absolute paths of subfolders; only when the listing is not deep. */
	folders: string[];
	problems: Problem[];
}

type Target = { kind: 'file' | 'folder'; real: string } | { error: string };

/** Files under `dir` (a path inside `root`); with `deep`, those of every subfolder too. */
export function listFolder(root: string, dir: string, deep: boolean): Listing {
	const listing: Listing = { files: [], folders: [], problems: [] };
	const realRoot = realpathSync(root);
	const start = dir === root ? { kind: 'folder' as const, real: realRoot } : inspect(realRoot, dir);
	if (!start) return listing;
	if ('error' in start || start.kind !== 'folder') {
		const message = 'error' in start ? start.error : 'should be a folder, not a file.';
		listing.problems.push(fileProblem(root, `${dir}/`, message));
		return listing;
	}
	walk(root, realRoot, dir, deep, new Set([start.real]), listing);
	return listing;
}

function walk(
	root: string,
	realRoot: string,
	dir: string,
	deep: boolean,
	seen: Set<string>,
	listing: Listing,
): void {
	let entries: Dirent[];
	try {
		entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name));
	} catch (err) {
		listing.problems.push(fileProblem(root, `${dir}/`, `cannot be read (${errorCode(err)}).`));
		return;
	}
	for (const entry of entries) {
		const { name } = entry;
		const path = join(dir, name);
		if (name.startsWith('.')) {
			if (CONTENT_EXTS.has(extname(name)))
				listing.problems.push(
					fileProblem(
						root,
						path,
						'ignored: names starting with "." are hidden and not read; rename the file to publish it.',
						'warning',
					),
				);
			continue;
		}
		// The folder's listing already tells a regular file; anything else is looked at closely.
		if (entry.isFile()) {
			listing.files.push(path);
			continue;
		}
		const target = inspect(realRoot, path);
		if (!target) continue; // removed while we were reading
		if ('error' in target) {
			listing.problems.push(fileProblem(root, path, target.error));
		} else if (target.kind === 'file') {
			listing.files.push(path);
		} else if (!deep) {
			listing.folders.push(path);
		} else if (seen.has(target.real)) {
			const first = toRelative(realRoot, target.real) || '.';
			listing.problems.push(
				fileProblem(
					root,
					`${path}/`,
					`is a symlink to a folder that is already read (${first}/); a folder is read once, so remove the symlink.`,
				),
			);
		} else {
			seen.add(target.real);
			walk(root, realRoot, path, deep, seen, listing);
		}
	}
}

/** The order of `Array.prototype.sort` without a comparer: by UTF-16 code units. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What `path` is once a symlink inside the root is followed, why it cannot be read, or undefined
 * when nothing is there. Never opens a file.
 */
function inspect(realRoot: string, path: string): Target | undefined {
	const stat = lstatSync(path, { throwIfNoEntry: false });
	if (!stat) return undefined;
	let real = path;
	if (stat.isSymbolicLink()) {
		const link = quotePath(readlinkSync(path));
		try {
			real = realpathSync(path);
		} catch (err) {
			const code = errorCode(err);
			if (code === 'ELOOP') return { error: `is a symlink loop (${link}); remove it.` };
			if (code === 'ENOENT')
				return { error: `is a symlink to ${link}, which does not exist; remove it.` };
			return { error: `is a symlink that cannot be followed (${code}).` };
		}
		if (real !== realRoot && !real.startsWith(realRoot + sep))
			return {
				error: `is a symlink to ${link}, outside the content root; only files inside the root are read, so copy it in instead.`,
			};
	}
	const target = stat.isSymbolicLink() ? statSync(real) : stat;
	if (target.isFile()) return { kind: 'file', real };
	// Folders are compared by real path to read each once, whichever way the walk reached them.
	if (target.isDirectory()) return { kind: 'folder', real: realpathSync(real) };
	return {
		error: 'is not a regular file or folder (a device, socket or pipe), so it is not read.',
	};
}

/**
 * Why `path` (any path, such as an image a body shows) is not a file inside the content root,
 * following every symlink on the way, or undefined when it is one.
 */
export function findFileProblem(root: string, path: string): string | undefined {
	let real: string;
	try {
		real = realpathSync(path);
	} catch (err) {
		return errorCode(err) === 'ENOENT' ? 'does not exist' : `cannot be read (${errorCode(err)})`;
	}
	const realRoot = realpathSync(root);
	if (!real.startsWith(realRoot + sep)) return 'is outside the content root';
	return statSync(real).isFile() ? undefined : 'is not a file';
}

/** The text of one content file, or the problem that kept it from being read. */
export type ReadResult = { text: string } | { problem: Problem } | { missing: true };

/**
 * Reads `path` (inside `root`) as UTF-8 text, applying every rule of this module. A caller that
 * reads many files passes `realRoot`, the root's real path, found once.
 */
export function readText(root: string, path: string, realRoot = realpathSync(root)): ReadResult {
	const target = inspect(realRoot, path);
	if (!target) return { missing: true };
	if ('error' in target) return { problem: fileProblem(root, path, target.error) };
	if (target.kind !== 'file')
		return { problem: fileProblem(root, path, 'is a folder, not a file.') };
	let read: Read;
	try {
		const fd = openSync(target.real, 'r');
		try {
			read = readBounded(fd, fstatSync(fd).size);
		} finally {
			closeSync(fd);
		}
	} catch (err) {
		return { problem: fileProblem(root, path, `cannot be read (${errorCode(err)}).`) };
	}
	return textOf(root, path, read);
}

/**
 * Opens without following a symlink or waiting on a pipe; undefined where the system lacks the
 * flags (Windows).
 */
const LISTED_FLAGS =
	constants.O_NOFOLLOW === undefined
		? undefined
		: constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Reads a file that listFolder listed as a regular file, as readText does but without looking at
 * it again first (on a large journal, that second look was a twentieth of the check): it is opened
 * without following a symlink and read only if it still is a regular file. A listed symlink, or
 * whatever the file has become since it was listed, is left to readText.
 */
export function readListedFile(root: string, path: string, realRoot: string): ReadResult {
	let fd: number | undefined;
	try {
		if (LISTED_FLAGS !== undefined) fd = openSync(path, LISTED_FLAGS);
		const stat = fd === undefined ? undefined : fstatSync(fd);
		if (fd !== undefined && stat?.isFile()) return textOf(root, path, readBounded(fd, stat.size));
	} catch {
		// A symlink (O_NOFOLLOW), gone, or unreadable: readText says which.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	return readText(root, path, realRoot);
}

/** A file's bytes, or its size when that is over the limit (then nothing is read). */
type Read = { bytes: Buffer } | { size: number };

function textOf(root: string, path: string, read: Read): ReadResult {
	if (!('bytes' in read))
		return {
			problem: fileProblem(
				root,
				path,
				`is ${megabytes(read.size)}; content files may be at most ${megabytes(MAX_FILE_BYTES)}. Move large data out of the journal.`,
			),
		};
	const decoded = decode(read.bytes);
	if ('error' in decoded)
		return { problem: fileProblem(root, path, decoded.error, 'error', decoded.line) };
	return { text: decoded.text };
}

/**
 * The buffer that every file is read into, grown to the largest file read. Each file is decoded
 * into a string before the next one is read, so one buffer serves them all; a buffer per file
 * was thousands of allocations for the collector to sweep.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/** The bytes of the open file `fd` of `size` bytes (valid until the next read), if within the limit. */
function readBounded(fd: number, size: number): Read {
	if (size > MAX_FILE_BYTES) return { size };
	if (size > readBuffer.length) readBuffer = Buffer.allocUnsafe(size);
	let read = 0;
	while (read < size) {
		const n = readSync(fd, readBuffer, read, size - read, read);
		if (n === 0) break;
		read += n;
	}
	return { bytes: readBuffer.subarray(0, read) };
}

function decode(bytes: Buffer): { text: string } | { error: string; line: number } {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return { error: 'is UTF-16 text; save it as UTF-8.', line: 1 };
	const nul = bytes.indexOf(0);
	if (nul !== -1)
		return {
			error: 'is a binary file (it contains NUL bytes), not text; content files are UTF-8 text.',
			line: lineAt(bytes, nul),
		};
	if (!isUtf8(bytes)) {
		const bad = bytes.toString('utf8').indexOf('\uFFFD');
		const line = bad === -1 ? 1 : bytes.toString('utf8').slice(0, bad).split('\n').length;
		return {
			error: `is not UTF-8 text: line ${line} has bytes that are not UTF-8 (Latin-1 or Windows-1252, perhaps). Save the file as UTF-8.`,
			line,
		};
	}
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

function lineAt(bytes: Buffer, offset: number): number {
	let line = 1;
	for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
	return line;
}

function megabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function errorCode(err: unknown): string {
	return (err as NodeJS.ErrnoException).code ?? 'unknown error';
}

function fileProblem(
	root: string,
	path: string,
	message: string,
	severity: Problem['severity'] = 'error',
	line = 1,
): Problem {
	const folder = path.endsWith('/');
	const file = toRelative(root, folder ? path.slice(0, -1) : path);
	return { file: folder ? `${file}/` : file, line, field: null, severity, message };
}

/** `path` relative to `root`, with `/` separators. */
export function toRelative(root: string, path: string): string {
	const rest = plainRest(root, path) ?? relative(root, path);
	return sep === '/' ? rest : rest.split(sep).join('/');
}

/**
 * What follows `root` in `path` when that needs no resolving, as for the paths that a listing
 * joins onto the root: a plain run of names, with no `.` or `..` step (nor hidden name), empty
 * step or closing separator.
 */
function plainRest(root: string, path: string): string | undefined {
	if (!root) return undefined;
	const prefix = root.endsWith(sep) ? root : root + sep;
	if (!path.startsWith(prefix) || path.endsWith(sep)) return undefined;
	const from = prefix.length - 1;
	if (path.includes(`${sep}.`, from) || path.includes(sep + sep, from)) return undefined;
	return path.slice(prefix.length);
}
