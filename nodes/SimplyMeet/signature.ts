import { createHmac, timingSafeEqual } from 'crypto';

/** SimplyMeet signs each delivery: base64(HMAC-SHA256(secret, raw body)) in `Webhook-Signature`. */
export function signBody(secret: string, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * True when the header carries a valid signature by the secret of the hook the request came in
 * for. Tolerates a `sha256=` prefix, since the header's exact format is unconfirmed. Compares in
 * constant time.
 */
export function hasValidSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
	if (!header || !secret) return false;
	const received = Buffer.from(header.trim().replace(/^sha256=/i, ''), 'base64');
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return expected.length === received.length && timingSafeEqual(expected, received);
}
