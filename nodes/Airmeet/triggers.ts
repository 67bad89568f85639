import type { INodePropertyOptions } from 'n8n-workflow';

import { optionLabelsSubtitle } from '../shared/subtitle';

/**
 * Where an Airmeet trigger applies:
 * - `community`: every event of the community; Airmeet takes no event for it.
 * - `event`: one event (`airmeetId` is required).
 * - `session`: one session of one event (`airmeetId` and `sessionId` are required).
 * - `eventOptional`: unconfirmed whether Airmeet needs an event; one may be given.
 */
export type TriggerScope = 'community' | 'event' | 'session' | 'eventOptional';

export interface AirmeetTriggerType {
	/** Airmeet's `triggerMetaInfoId`. */
	id: string;
	/**
	 * Shown in "Trigger On", the canvas subtitle, and the node panel, which lists it lower-cased
	 * as "On <label>" without punctuation: so a label must read as a phrase, without brackets.
	 */
	label: string;
	description: string;
	/** The `name` registered with the hook; Airmeet ties it to the trigger id. */
	defaultName: string;
	scope: TriggerScope;
}

export const AIRMEET_TRIGGERS: readonly AirmeetTriggerType[] = [
	{
		id: 'trigger.airmeet.created',
		label: 'Event Created',
		description: 'A new event (an "Airmeet") is created in the community',
		defaultName: 'AIRMEET_CREATED',
		scope: 'community',
	},
	{
		id: 'trigger.airmeet.started',
		label: 'Event Started',
		description: "An event's scheduled start time is reached",
		defaultName: 'AIRMEET_STARTED',
		scope: 'community',
	},
	{
		id: 'trigger.airmeet.finished',
		label: 'Event Finished',
		description: "An event's scheduled end time is reached (this does not end the event itself)",
		defaultName: 'AIRMEET_FINISHED',
		scope: 'community',
	},
	{
		id: 'trigger.airmeet.reminder',
		label: 'Event Reminder',
		description: "4 hours before an event's scheduled start",
		defaultName: 'AIRMEET_REMINDER',
		scope: 'community',
	},
	{
		id: 'trigger.airmeet.recording.available',
		label: 'Event Recording Available',
		description: 'The recordings of an event are ready (listed in older Airmeet docs only)',
		defaultName: 'RECORDING_AVAILABLE',
		scope: 'community',
	},
	{
		id: 'trigger.airmeet.attendee.added',
		label: 'Registration for Any Event',
		description: 'Someone completes a registration for any event of the community',
		defaultName: 'ATTENDEE_ADDED',
		scope: 'community',
	},
	{
		id: 'trigger.airmeet.registrant.added',
		label: 'Registration for One Event',
		description: 'Someone completes a registration for the chosen event',
		defaultName: 'REGISTRANT_ADDED',
		scope: 'event',
	},
	{
		id: 'trigger.airmeet.attendee.joined',
		label: 'Event Attendance',
		description: 'The attendees who joined the chosen event; sent after the event ends',
		defaultName: 'ATTENDEE_JOINED_EVENT',
		scope: 'event',
	},
	{
		id: 'trigger.session.attendee.joined',
		label: 'Session Attendance',
		description: 'The attendees who joined the chosen session; sent after the session ends',
		defaultName: 'ATTENDEE_JOINED_SESSION',
		scope: 'session',
	},
	{
		id: 'trigger.airmeet.polls',
		label: 'Poll Answers',
		description: "Attendees' answers to the polls of the chosen event; sent after the poll is completed",
		defaultName: 'EVENT_POLLS',
		scope: 'event',
	},
	{
		id: 'trigger.airmeet.questions',
		label: 'Questions Asked',
		description: 'Questions attendees asked during an event (unconfirmed whether Airmeet needs the event)',
		defaultName: 'EVENT_QUESTIONS',
		scope: 'eventOptional',
	},
	{
		id: 'trigger.attendee.booth.joined',
		label: 'Booth Attendance',
		description: 'Attendees who visited the booths of an event (unconfirmed whether Airmeet needs the event)',
		defaultName: 'BOOTH_ATTENDEE',
		scope: 'eventOptional',
	},
];

const BY_ID = new Map(AIRMEET_TRIGGERS.map((trigger) => [trigger.id, trigger]));

export function triggerById(id: unknown): AirmeetTriggerType | undefined {
	return typeof id === 'string' ? BY_ID.get(id) : undefined;
}

/** Options for a trigger picker, sorted by label as n8n lists options. */
export const TRIGGER_OPTIONS: INodePropertyOptions[] = [...AIRMEET_TRIGGERS]
	.sort((a, b) => a.label.localeCompare(b.label))
	.map((trigger) => ({ name: trigger.label, value: trigger.id, description: trigger.description }));

export function triggerIdsWithScope(...scopes: TriggerScope[]): string[] {
	return AIRMEET_TRIGGERS.filter((trigger) => scopes.includes(trigger.scope)).map((trigger) => trigger.id);
}

/** Whether the trigger takes an event at all (required or optional). */
export function takesEvent(trigger: AirmeetTriggerType): boolean {
	return trigger.scope !== 'community';
}

export function requiresEvent(trigger: AirmeetTriggerType): boolean {
	return trigger.scope === 'event' || trigger.scope === 'session';
}

export function requiresSession(trigger: AirmeetTriggerType): boolean {
	return trigger.scope === 'session';
}

/** The node's subtitle on the canvas: the chosen trigger's label, not its raw id. */
export const TRIGGER_SUBTITLE = optionLabelsSubtitle('trigger', TRIGGER_OPTIONS);
