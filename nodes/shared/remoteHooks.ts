/** What a listing of the service's webhooks means for the URL n8n gave our node. */
export interface RemoteHookSorting<Hook> {
	/** The hook to adopt: it points at our URL and fits the node's current settings exactly. */
	match?: Hook;
	/**
	 * Hooks that point at our URL but must go: an older configuration of this node (another event
	 * set or trigger), or duplicates left by a crash. The URL is unique to this node, so no other
	 * workflow owns them.
	 */
	stale: Hook[];
}

export function sortRemoteHooks<Hook>(
	hooks: Hook[],
	ourUrl: string,
	urlOf: (hook: Hook) => string | undefined,
	fits: (hook: Hook) => boolean,
): RemoteHookSorting<Hook> {
	const sorting: RemoteHookSorting<Hook> = { stale: [] };
	for (const hook of hooks) {
		if (urlOf(hook) !== ourUrl) continue;
		if (sorting.match === undefined && fits(hook)) sorting.match = hook;
		else sorting.stale.push(hook);
	}
	return sorting;
}

/** The same set of names, whatever the order or repetitions. */
export function sameNameSet(a: readonly string[], b: readonly string[]): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((name) => right.has(name));
}
