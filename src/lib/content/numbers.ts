/** Numbers from YAML and CSV must be kept exactly as written, or be reported. */
import { quote } from '../utils/quote.ts';

/** An integer as YAML 1.2 and CSV write it: decimal, hexadecimal or octal. */
const INTEGER = /^[-+]?\d+$|^0x[0-9a-f]+$|^0o[0-7]+$/i;

/**
 * Why a number as written cannot be kept exactly, or undefined when it can: JavaScript numbers
 * overflow past about 1.8e308, read as 0 below 5e-324, and hold integers exactly only up to 2^53.
 */
export function numberProblem(written: string, value: number): string | undefined {
	if (!Number.isFinite(value))
		return `${quote(written)} is not a finite number; numbers must lie within ±1.8e308.`;
	if (value === 0 && /[1-9]/.test(written.replace(/[eE].*$/, '')))
		return `${quote(written)} is too close to zero to keep (it would read as 0); write 0, or a number at least 5e-324 in size.`;
	if (INTEGER.test(written.trim()) && !Number.isSafeInteger(value))
		return `${quote(written)} is too large to keep exactly; whole numbers must be within ±9007199254740991 (2^53 − 1). Write it as a decimal (e.g. 1.2e16) if an approximation is fine.`;
	return undefined;
}
