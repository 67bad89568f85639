import type { INodeParameterResourceLocator } from 'n8n-workflow';

/** The error a promise rejects with; fails the test when it resolves. */
export async function caught(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a rejection, but the promise resolved');
}

/** Every form in which an error reaches users or logs: message, description and serialised form. */
export function errorText(error: Error): string {
	const description = (error as { description?: unknown }).description;
	return [JSON.stringify(error), error.message, typeof description === 'string' ? description : ''].join('\n');
}

/** A resource-locator value as the editor stores it. */
export function rl(value: string, mode = 'id'): INodeParameterResourceLocator {
	return { __rl: true, mode, value };
}
