import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { ChoicesResult } from '../shared/fields';
import { allowedValues, checkChoices } from '../shared/fields';

export const SIMPLYMEET_EVENTS = [
	{
		name: 'Meeting Cancelled',
		value: 'meetingCancelled',
		description: 'A scheduled meeting was cancelled by the host or the invitee',
	},
	{
		name: 'Meeting Rescheduled',
		value: 'meetingRescheduled',
		description: 'A meeting was moved to another time',
	},
	{
		name: 'Meeting Scheduled',
		value: 'meetingScheduled',
		description: 'Someone booked a new meeting',
	},
] as const satisfies readonly INodePropertyOptions[];

export type SimplyMeetEvent = (typeof SIMPLYMEET_EVENTS)[number]['value'];

/** The Events field of both SimplyMeet nodes, as its description and errors name it. */
export const EVENTS_FIELD = { displayName: 'Events', options: SIMPLYMEET_EVENTS };

/** Reads the Events field (a list, or a list as text when an expression fills it), refusing unknown or no events. */
export function checkEvents(value: unknown): ChoicesResult {
	const result = checkChoices(value, EVENTS_FIELD);
	if (result.ok && result.values.length === 0) {
		return { ok: false, message: `Choose at least one event in the "Events" field. Use one or more of: ${allowedValues(EVENTS_FIELD)}` };
	}
	return result.ok ? { ok: true, values: [...new Set(result.values)].sort() } : result;
}

const EVENT_NAMES: readonly string[] = SIMPLYMEET_EVENTS.map((event) => event.value);

export function isSimplyMeetEvent(value: unknown): value is SimplyMeetEvent {
	return typeof value === 'string' && EVENT_NAMES.includes(value);
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SimplyMeet documents `{data: meeting}`, but real deliveries were seen with the meeting at the top. */
export function unwrapMeeting(body: unknown): IDataObject | undefined {
	if (!isObject(body)) return undefined;
	if (isObject(body.data) && body.uuid === undefined) return body.data;
	return body;
}

/**
 * SimplyMeet's payload does not say which event fired (unconfirmed whether a field ever does), so
 * it is inferred: a cancellation date means cancelled, rescheduling details mean rescheduled,
 * anything else a new booking. A field that does name a known event wins.
 */
export function inferEvent(body: IDataObject, meeting: IDataObject): SimplyMeetEvent {
	for (const candidate of [body.event, body.type, body.trigger, meeting.event]) {
		if (isSimplyMeetEvent(candidate)) return candidate;
	}
	if (meeting.canceled_at) return 'meetingCancelled';
	if (meeting.rescheduling) return 'meetingRescheduled';
	return 'meetingScheduled';
}

/**
 * The event a delivery to a hook reports. A hook subscribed to exactly one event is only sent that
 * one, so it is named without guessing; a hook with several gets `inferEvent`.
 */
export function deliveredEvent(subscribed: unknown, body: IDataObject, meeting: IDataObject): SimplyMeetEvent {
	if (Array.isArray(subscribed) && subscribed.length === 1 && isSimplyMeetEvent(subscribed[0])) return subscribed[0];
	return inferEvent(body, meeting);
}
