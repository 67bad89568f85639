import { createHmac, timingSafeEqual } from 'crypto';

/** SimplyMeet signs each delivery: base64(HMAC-SHA256(secret, raw body)) in `Webhook-Signature`. */
export function signBody(secret: string, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * True when the header carries a valid signature by any of the given secrets. Tolerates a
 * `sha256=` prefix, since the header's exact format is unconfirmed. Compares in constant time.
 */
export function hasValidSignature(
	secrets: readonly string[],
	rawBody: Buffer,
	header: string | undefined,
): boolean {
	if (!header) return false;
	const received = Buffer.from(header.trim().replace(/^sha256=/i, ''), 'base64');
	if (received.length === 0) return false;
	let valid = false;
	for (const secret of secrets) {
		const expected = createHmac('sha256', secret).update(rawBody).digest();
		if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
	}
	return valid;
}
