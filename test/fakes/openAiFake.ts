import { randomUUID } from 'crypto';

import type { FakeAnswer, RecordedCall } from './fakeService';
import { FakeService } from './fakeService';

/** A tool as n8n's OpenAI Chat Model node sends it (chat completions `tools`). */
export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: { properties?: Record<string, { type?: string; description?: string }> } };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

/** What the scripted model does next: call a tool, or answer. */
export type ModelTurn = { call: string; arguments: Record<string, unknown> } | { answer: string };

/** Decides the model's next turn from the request n8n sent (the conversation so far and the tools). */
export type ModelScript = (request: ChatRequest) => ModelTurn;

/** The text of a message, whether n8n sent it as a string or as content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/**
 * An OpenAI-compatible chat completions API on 127.0.0.1, under `/v1`, whose model follows a
 * script: it reads the `tools` n8n sends and answers with a tool call of one of them, or with a
 * final message. Every request is recorded (`calls`), so a test can check what the model was given.
 * It refuses what OpenAI refuses for this use: no bearer key, a tool call naming a tool that was
 * not offered, a streamed request (n8n asks for none outside streaming triggers).
 */
export class OpenAiFake extends FakeService {
	readonly apiKey: string;

	script: ModelScript = () => ({ answer: 'No script' });

	constructor(options: { apiKey?: string } = {}) {
		super('/v1');
		this.apiKey = options.apiKey ?? 'sk-fake-openai-key-0123456789';
	}

	/** The chat completion requests received, in order. */
	get requests(): ChatRequest[] {
		return this.calls.filter((call) => call.path === '/chat/completions').map((call) => call.body as ChatRequest);
	}

	protected handle(call: RecordedCall): FakeAnswer {
		if (call.headers.authorization !== `Bearer ${this.apiKey}`) {
			return { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } };
		}
		if (call.method === 'GET' && call.path === '/models') {
			return { status: 200, body: { object: 'list', data: [{ id: 'scripted-model', object: 'model', owned_by: 'tests' }] } };
		}
		if (call.method !== 'POST' || call.path !== '/chat/completions') {
			return { status: 404, body: { error: { message: `Unknown URL ${call.method} ${call.path}`, type: 'invalid_request_error' } } };
		}
		const request = call.body as ChatRequest;
		if (request.stream === true) return invalid('This fake answers only non-streamed requests');
		const turn = this.script(request);
		if ('answer' in turn) return completion(request, { role: 'assistant', content: turn.answer }, 'stop');
		if (!request.tools?.some((tool) => tool.function.name === turn.call)) {
			return invalid(`The script called "${turn.call}", which is not among the tools sent: ${(request.tools ?? []).map((tool) => tool.function.name).join(', ')}`);
		}
		return completion(
			request,
			{
				role: 'assistant',
				content: null,
				tool_calls: [{ id: `call_${randomUUID().slice(0, 8)}`, type: 'function', function: { name: turn.call, arguments: JSON.stringify(turn.arguments) } }],
			},
			'tool_calls',
		);
	}
}

function invalid(message: string): FakeAnswer {
	return { status: 400, body: { error: { message, type: 'invalid_request_error' } } };
}

function completion(request: ChatRequest, message: ChatMessage, finishReason: 'stop' | 'tool_calls'): FakeAnswer {
	return {
		status: 200,
		body: {
			id: `chatcmpl-${randomUUID()}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: request.model,
			choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
			usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
		},
	};
}
