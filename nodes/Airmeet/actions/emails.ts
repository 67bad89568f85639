import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textList } from './fields';

/** An e-mail address given in a list field, checked before any call; `displayName` names the field. */
export function listedEmail(
	ctx: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	needs = 'an e-mail address in each entry',
): string {
	const email = String(value ?? '').trim();
	if (!/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(email)) {
		throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field needs ${needs}, got "${email}"`, { itemIndex });
	}
	return email;
}

/** A comma-separated list of e-mail addresses from a text value, each checked. */
export function emailList(ctx: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): string[] {
	return textList(value).map((email) => listedEmail(ctx, email, displayName, itemIndex, 'e-mail addresses separated by commas'));
}
