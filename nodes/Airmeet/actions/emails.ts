import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A comma-separated list of e-mail addresses from a text value, each checked. */
export function emailList(ctx: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): string[] {
	const emails = String(value ?? '')
		.split(',')
		.map((email) => email.trim())
		.filter((email) => email !== '');
	const bad = emails.find((email) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email));
	if (bad !== undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The "${displayName}" field needs e-mail addresses separated by commas, got "${bad}"`,
			{ itemIndex },
		);
	}
	return emails;
}
