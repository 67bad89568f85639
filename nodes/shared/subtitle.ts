import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * A canvas subtitle naming the option(s) chosen in `field` by their labels, not by the raw values
 * users never see elsewhere. Fits options and multiOptions fields alike (several choices are
 * joined with ", "); a value without a label shows as it is.
 */
export function optionLabelsSubtitle(field: string, options: readonly INodePropertyOptions[]): string {
	const labels = JSON.stringify(Object.fromEntries(options.map((option) => [option.value, option.name])));
	return `={{ [].concat($parameter[${JSON.stringify(field)}]).map((value) => (${labels})[value] || value).join(", ") }}`;
}
