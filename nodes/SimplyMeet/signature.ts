import { createHmac, timingSafeEqual } from 'crypto';

/** SimplyMeet signs each delivery: base64(HMAC-SHA256(secret, raw body)) in `Webhook-Signature`. */
export function signBody(secret: string, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/** Base64 of the 32 digest bytes: 43 characters and one `=`. */
const BASE64_OF_DIGEST = /^[A-Za-z0-9+/]{43}=$/;

/** Base64 of the 64-character hex digest: 86 characters and `==`. */
const BASE64_OF_HEX_DIGEST = /^[A-Za-z0-9+/]{86}==$/;

/**
 * The 32 digest bytes a header claims, in whichever form SimplyMeet may send them: its pages say
 * "base64 encoded", but their PHP sample is unreadable, and PHP's HMAC gives hex unless asked for
 * bytes, so base64 of the hex digest, or the hex digest itself, are as likely as base64 of the
 * bytes. The three are told apart by their length. Undefined for anything else.
 */
function claimedDigest(signature: string): Buffer | undefined {
	if (HEX_DIGEST.test(signature)) return Buffer.from(signature, 'hex');
	if (BASE64_OF_DIGEST.test(signature)) return Buffer.from(signature, 'base64');
	if (BASE64_OF_HEX_DIGEST.test(signature)) {
		const hex = Buffer.from(signature, 'base64').toString('latin1');
		return HEX_DIGEST.test(hex) ? Buffer.from(hex, 'hex') : undefined;
	}
	return undefined;
}

/**
 * True when the header carries a valid signature by the secret of the hook the request came in
 * for, in one of the forms `claimedDigest` reads. Tolerates a `sha256=` prefix, since the header's
 * exact format is unconfirmed. Compares the digest bytes in constant time.
 */
export function hasValidSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
	if (!header || !secret) return false;
	const received = claimedDigest(header.trim().replace(/^sha256=/i, ''));
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return received !== undefined && received.length === expected.length && timingSafeEqual(expected, received);
}
