import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Whether `timeZone` is one the runtime knows (IANA names such as Europe/London). */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(instant);
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant;
}

/**
 * A date-time field as epoch milliseconds. A value with an offset (or Z) is exact; one without is
 * a wall-clock time in `timeZone`, as n8n's date picker writes it.
 */
export function epochMs(ctx: IExecuteFunctions, name: string, displayName: string, timeZone: string, itemIndex: number): number {
	const raw = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(raw);
	const asUtc = Date.parse(zoned ? raw : `${raw}Z`);
	if (raw === '' || Number.isNaN(asUtc)) {
		throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field needs a date and time, got "${raw}"`, { itemIndex });
	}
	if (zoned) return asUtc;
	// Two passes settle times next to a daylight-saving change.
	const first = asUtc - offsetAt(asUtc, timeZone);
	return asUtc - offsetAt(first, timeZone);
}
