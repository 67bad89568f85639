/**
 * The README's list of each action node's operations, made from the node's own description (the
 * Resource options, then each resource's Operation options, in the order the editor shows them),
 * so that the list cannot drift from what the node offers. `npm run docs:operations` writes it;
 * test/docs.test.ts fails when the README's copy differs.
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { markdownTable } from './stats';

/** The README block (see tools/lib/docsBlocks.ts) that holds a node's list. */
export const operationsBlockName = (nodeName: string): string => `operations-${nodeName}`;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter((option) => 'value' in option);
}

/** Per resource (by its label), the labels of its operations. */
export function operationsOf(description: Pick<INodeTypeDescription, 'properties'>): Array<{ resource: string; operations: string[] }> {
	const { properties } = description;
	return optionsOf(properties.find((property) => property.name === 'resource')).map((resource) => {
		const operation = properties.find(
			(property) =>
				property.name === 'operation' &&
				((property.displayOptions?.show?.resource as unknown[] | undefined) ?? []).includes(resource.value),
		);
		return { resource: resource.name, operations: optionsOf(operation).map((option) => option.name) };
	});
}

/** The Markdown the README shows for one node: a line with the count, then one row per resource. */
export function operationsMarkdown(description: Pick<INodeTypeDescription, 'displayName' | 'properties'>): string {
	const resources = operationsOf(description);
	const count = resources.reduce((total, entry) => total + entry.operations.length, 0);
	return [
		`${description.displayName}: ${count} operations over ${resources.length} resources.`,
		'',
		markdownTable(['Resource', 'Operations'], resources.map((entry) => [entry.resource, entry.operations.join(', ')])),
	].join('\n');
}
