import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
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
