import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * n8n describes a node used as an AI agent's tool by the chosen operation's `action` alone
 * ("<action> in <node>"), so each action says what the operation does (its description) and which
 * fields it needs: the model learns from it what to fill in.
 */

function includes(values: unknown, value: unknown): boolean {
	return Array.isArray(values) && values.includes(value);
}

/** A required field as the model reads it; a condition beyond the operation is named. */
function neededField(field: INodeProperties, fields: INodeProperties[]): string {
	const name = field.type === 'resourceLocator' ? `${field.displayName} ID` : field.displayName;
	const conditions = Object.entries(field.displayOptions?.show ?? {})
		.filter(([key]) => key !== 'resource' && key !== 'operation')
		.map(([key, values]) => {
			const label = fields.find((candidate) => candidate.name === key)?.displayName ?? key;
			return `${label} is ${(Array.isArray(values) ? values : [values]).map(String).join(' or ')}`;
		});
	return conditions.length > 0 ? `${name} when ${conditions.join(' and ')}` : name;
}

function explained(option: INodePropertyOptions, resource: unknown, properties: INodeProperties[]): INodePropertyOptions {
	const fields = properties.filter(
		(field) =>
			includes(field.displayOptions?.show?.resource, resource) && includes(field.displayOptions?.show?.operation, option.value),
	);
	const needs = fields.filter((field) => field.required === true).map((field) => neededField(field, fields));
	const what = option.description ?? option.action ?? option.name;
	return { ...option, action: needs.length > 0 ? `${what} (needs ${needs.join(', ')})` : what };
}

/** The node's properties with every Operation entry's `action` explained for AI agents. */
export function explainOperations(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		if (property.name !== 'operation' || !Array.isArray(property.options)) return property;
		const resources = property.displayOptions?.show?.resource;
		const resource = Array.isArray(resources) ? resources[0] : undefined;
		return {
			...property,
			options: (property.options as INodePropertyOptions[]).map((option) => explained(option, resource, properties)),
		};
	});
}
