/**
 * "Did you mean ...?" for names typed on the command line (`npm run simulate`): the known names
 * closest to what was typed, when it looks like a typo of them.
 */

/** Levenshtein distance (insertions, deletions, substitutions), ignoring case. */
export function editDistance(a: string, b: string): number {
	const from = a.toLowerCase();
	const to = b.toLowerCase();
	let previous = Array.from({ length: to.length + 1 }, (_, index) => index);
	for (let i = 1; i <= from.length; i++) {
		const current = [i];
		for (let j = 1; j <= to.length; j++) {
			const substitution = previous[j - 1] + (from[i - 1] === to[j - 1] ? 0 : 1);
			current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
		}
		previous = current;
	}
	return previous[to.length];
}

/**
 * What `given` was probably meant to be, out of `names`: the names closest to it when it looks
 * like a typo of them (at most a third of the name's length in edits, and always 2 allowed;
 * several when they tie), else the names that contain it (3 characters or more), else none.
 * `spellings` gives the ways a name may be typed (by default just the name); a name counts with
 * its closest spelling.
 */
export function suggest(
	given: string,
	names: readonly string[],
	spellings: (name: string) => readonly string[] = (name) => [name],
): string[] {
	let best = Number.POSITIVE_INFINITY;
	let closest: string[] = [];
	for (const name of names) {
		const distance = Math.min(
			...spellings(name).map((spelling) => {
				const edits = editDistance(given, spelling);
				return edits <= Math.max(2, Math.floor(spelling.length / 3)) ? edits : Number.POSITIVE_INFINITY;
			}),
		);
		if (distance === Number.POSITIVE_INFINITY || distance > best) continue;
		if (distance < best) closest = [];
		best = distance;
		closest.push(name);
	}
	if (closest.length > 0 || given.length < 3) return closest;
	const needle = given.toLowerCase();
	return names.filter((name) => spellings(name).some((spelling) => spelling.toLowerCase().includes(needle)));
}

/** An Airmeet trigger id and each end of it that `simulate` accepts: "airmeet.created", "created". */
export function triggerIdEnds(id: string): string[] {
	const parts = id.split('.');
	return parts.map((_, index) => parts.slice(index).join('.'));
}

/** ": did you mean a or b?", or nothing when there is no suggestion. */
export function didYouMean(suggestions: readonly string[]): string {
	return suggestions.length === 0 ? '' : `: did you mean ${suggestions.join(' or ')}?`;
}
