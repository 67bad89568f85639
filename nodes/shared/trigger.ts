import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The URL n8n gave this node's webhook: production when published, the test URL when listening. */
export function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node');
	return url;
}

/** What `webhook()` returns after answering the sender itself: no execution starts. */
export function respondWithoutRun(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** The delivery's raw bytes, as the sender signed them (n8n keeps them beside the parsed body). */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	const raw: unknown = ctx.getRequestObject().rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	return Buffer.from(typeof raw === 'string' ? raw : '', 'utf8');
}

/**
 * Parses the delivery as JSON from its raw bytes (whatever content type the sender claimed).
 * An empty or non-JSON body is answered with 400 here, so no execution starts with garbage.
 */
export function parseJsonDelivery(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
): { body: unknown } | { rejected: IWebhookResponseData } {
	const text = rawBody.toString('utf8');
	if (text.trim() === '') return { rejected: respondWithoutRun(ctx, 400, 'The body is empty: deliveries are JSON') };
	try {
		return { body: JSON.parse(text) as unknown };
	} catch {
		return { rejected: respondWithoutRun(ctx, 400, 'The body is not JSON') };
	}
}

/**
 * Runs a removal step of `delete()` so that its failure cannot escape. n8n removes its own record
 * of a webhook only when every node's `delete()` returns: after a throw it keeps the record, and
 * the next publish believes the hook is registered and calls nothing, leaving a published
 * workflow that hears nothing. The failure goes to n8n's log instead, saying what is left.
 * Returns whether the step succeeded.
 */
export async function removeWithoutThrowing(
	ctx: IHookFunctions,
	leftBehind: string,
	step: () => Promise<void>,
): Promise<boolean> {
	try {
		await step();
		return true;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		ctx.logger.error(`${ctx.getNode().name}: ${message}. ${leftBehind}`, {
			workflowId: ctx.getWorkflow().id,
			node: ctx.getNode().name,
		});
		return false;
	}
}

/**
 * The item with `name` set to `value` as its first field, so it is the first thing users see in
 * the output; it wins over a field of that name in the payload.
 */
export function withLeadingField(name: string, value: string, item: IDataObject): IDataObject {
	return Object.assign({ [name]: value }, item, { [name]: value });
}
