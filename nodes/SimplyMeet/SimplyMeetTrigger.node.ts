import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { StoredHook } from '../shared/hookStore';
import { sameNameSet } from '../shared/remoteHooks';
import { optionLabelsSubtitle } from '../shared/subtitle';
import { adoptLiveHook, deliveryHooks, lifecycleState, parseJsonDelivery, rawBodyOf, removeOtherAddresses, removeStoredHooks, removeWithoutThrowing, reportOldAddress, respondWithoutRun, TRIGGER_VERSIONS, TRIGGER_WEBHOOKS, withLeadingField } from '../shared/trigger';
import { SIMPLYMEET_EVENTS, checkEvents, deliveredEvent, unwrapMeeting } from './events';
import { hasValidSignature } from './signature';
import { SimplyMeetClient } from './transport';

interface RegisteredHook extends StoredHook {
	id: string;
	secret: string;
	events: string[];
}

/** Reads and checks the Events field before anything is sent to SimplyMeet. */
function selectedEvents(ctx: IHookFunctions): string[] {
	const events = checkEvents(ctx.getNodeParameter('events', []));
	if (!events.ok) {
		throw new NodeOperationError(ctx.getNode(), events.message, {
			description: 'SimplyMeet needs to know which meeting events to send to this workflow.',
		});
	}
	return events.values;
}

export class SimplyMeetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SimplyMeet Trigger',
		name: 'simplyMeetTrigger',
		icon: { light: 'file:simplymeet.svg', dark: 'file:simplymeet.dark.svg' },
		group: ['trigger'],
		...TRIGGER_VERSIONS,
		subtitle: optionLabelsSubtitle('events', SIMPLYMEET_EVENTS),
		description: 'Starts the workflow when a meeting is scheduled, cancelled or rescheduled in SimplyMeet.me',
		defaults: { name: 'SimplyMeet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'simplyMeetApi', required: true }],
		webhooks: TRIGGER_WEBHOOKS,
		properties: [
			{
				displayName:
					'Publishing the workflow registers a webhook in your SimplyMeet account; unpublishing removes it. Each delivery is checked against its signature.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['meetingScheduled'],
				options: [...SIMPLYMEET_EVENTS],
				description:
					'The meeting events that start this workflow. Each item carries an "event" field naming it: the chosen event when only one is chosen, otherwise inferred from the meeting, because SimplyMeet does not send the event name.',
			},
		],
	};

	webhookMethods = {
		default: {
			/**
			 * Adopts a hook that already delivers exactly what we need, instead of trusting a stored id.
			 * Hooks stored for this node's path at an older address of n8n go first.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const events = selectedEvents(this);
				const { url, store } = lifecycleState<RegisteredHook>(this);
				const client = await SimplyMeetClient.connect(this);
				await removeOtherAddresses(store, url, async (hook) => await client.deleteWebhook(hook.id, { missingIsGone: true }));
				return await adoptLiveHook(store, url, await client.listWebhooks(), {
					urlOf: (hook) => hook.url,
					fits: (hook) => sameNameSet(hook.events, events) && typeof hook.secret === 'string' && hook.secret !== '',
					remove: async (hook) => await client.deleteWebhook(hook.uuid, { missingIsGone: true }),
					stored: (hook) => ({ id: hook.uuid, secret: String(hook.secret), events }),
				});
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const events = selectedEvents(this);
				const { url, store } = lifecycleState<RegisteredHook>(this);
				const secret = randomBytes(32).toString('hex');
				const client = await SimplyMeetClient.connect(this);
				const created = await client.createWebhook({ url, events, secret });
				store.set(url, { id: created.uuid, secret, events });
				return true;
			},

			/**
			 * Never throws (see removeWithoutThrowing). Removes every hook stored for this node's path,
			 * whatever address of n8n it was registered at. A hook that could not be deleted stays
			 * stored, so that the next publish adopts or removes it; its failure is in n8n's log.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const { url, store } = lifecycleState<RegisteredHook>(this);
				const anyStored = await removeStoredHooks(this, store, url, {
					leftBehind: ({ hook }) =>
						`The webhook ${hook.id} may still exist in SimplyMeet: publishing again adopts or removes it, or delete it with the SimplyMeet node (README: "Find and remove orphaned webhooks").`,
					remove: async (hook) => await (await SimplyMeetClient.connect(this)).deleteWebhook(hook.id, { missingIsGone: true }),
				});
				if (anyStored) return true;
				// Nothing stored (the publish failed, or n8n lost the static data): whatever still
				// points at our URL would be an orphan, so remove it by URL.
				await removeWithoutThrowing(this, `Leftover SimplyMeet webhooks for ${url} may remain: the next publish removes them.`, async () => {
					const client = await SimplyMeetClient.connect(this);
					const leftovers = (await client.listWebhooks()).filter((hook) => hook.url === url);
					for (const hook of leftovers) await client.deleteWebhook(hook.uuid, { missingIsGone: true });
				});
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const served = deliveryHooks<RegisteredHook>(this, 'SimplyMeet');
		if ('rejected' in served) return served.rejected;
		const rawBody = rawBodyOf(this);
		const signature = this.getRequestObject().headers['webhook-signature'];
		// Several hooks serve this path only while one registered at an older address of n8n is
		// still stored: the one whose secret signed the delivery is the one that sent it.
		const signer = served.hooks.find(({ hook }) =>
			hasValidSignature(hook.secret, rawBody, typeof signature === 'string' ? signature : undefined),
		);
		if (!signer) return respondWithoutRun(this, 401, 'Missing or invalid Webhook-Signature');
		reportOldAddress(this, 'SimplyMeet', signer);
		const parsed = parseJsonDelivery(this, rawBody);
		if ('rejected' in parsed) return parsed.rejected;
		const meeting = unwrapMeeting(parsed.body);
		if (!meeting) return respondWithoutRun(this, 400, 'The body is not a SimplyMeet meeting');
		const json = withLeadingField('event', deliveredEvent(signer.hook.events, parsed.body as IDataObject, meeting), meeting);
		return { workflowData: [[{ json }]] };
	}
}
