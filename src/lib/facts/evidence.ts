/**
 * How much a result can be trusted, from how it was measured. The one mapping from `method` to
 * evidence strength: badges, the entry's strongest evidence, the history summary and the exports
 * all read it from here.
 */
import type { Method } from '../content/schema.ts';

/** Strongest first. `unstated`: the entry does not say how the number was measured. */
export const EVIDENCE_LEVELS = ['strong', 'directional', 'weak', 'unstated'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** Each method's strength: a controlled comparison is strong, a before/after is directional. */
export const METHOD_EVIDENCE: Record<Method, Exclude<EvidenceLevel, 'unstated'>> = {
	ab_test: 'strong',
	holdout: 'strong',
	staged_rollout: 'directional',
	pre_post: 'directional',
	estimate: 'weak',
	qualitative: 'weak',
};

/** The strength of one result's evidence. */
export function evidenceOf(method: Method | undefined): EvidenceLevel {
	return method ? METHOD_EVIDENCE[method] : 'unstated';
}

/** An entry's strongest evidence and the methods that reached it. */
export interface StrongestEvidence {
	level: EvidenceLevel;
	/** Distinct methods at that level, in the entry's order (empty for `unstated`). */
	methods: Method[];
}

/** The strongest evidence among an entry's results; undefined when it reports no metric. */
export function strongestEvidence(
	results: readonly { method?: Method }[] | undefined,
): StrongestEvidence | undefined {
	if (!results?.length) return undefined;
	const rank = (r: { method?: Method }) => EVIDENCE_LEVELS.indexOf(evidenceOf(r.method));
	const level = EVIDENCE_LEVELS[Math.min(...results.map(rank))]!;
	const methods = results.flatMap((r) =>
		r.method && evidenceOf(r.method) === level ? [r.method] : [],
	);
	return { level, methods: [...new Set(methods)] };
}
