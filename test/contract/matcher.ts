/**
 * Checks one request against the contract table: which row it is, and what in it no source
 * declares (an unknown query or body field, a wrong type or value, a required field missing).
 * Used by the contract test on every recorded call, and by the fakes, which answer 400 for it.
 */
import type { ContractException, ContractRow, Field, FieldType, Service } from './table';
import { CONTRACT, EXCEPTIONS } from './table';

/** What the matcher needs of a request; the fakes' RecordedCall has it. */
export interface RequestShape {
	method: string;
	/** Relative to the base URL, without the query. */
	path: string;
	query: URLSearchParams;
	body: unknown;
	/** Lower-case names, as Node's http module gives them. */
	headers: Record<string, string | string[] | undefined>;
}

export interface Problem {
	/** `header.<name>`, `query.<name>` or `body.<path>`. */
	field: string;
	what: 'undeclared' | 'missing' | 'wrongType' | 'notAllowed';
	detail: string;
}

export interface Match {
	row?: ContractRow;
	problems: Problem[];
	/** The exceptions this request needed. */
	exceptionsUsed: ContractException[];
}

function pathPattern(template: string): RegExp {
	const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('[^/]+')}/?$`);
}

const PATTERNS = new Map(CONTRACT.map((row) => [row.id, pathPattern(row.path)]));

export function findRow(service: Service, method: string, path: string): ContractRow | undefined {
	return CONTRACT.find((row) => row.service === service && row.method === method && PATTERNS.get(row.id)?.test(path));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a body value, in the table's words. */
export function typeOf(value: unknown): FieldType | 'number' | 'null' | 'array' | 'unknown' {
	if (value === null) return 'null';
	if (typeof value === 'string') return 'string';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	if (Array.isArray(value)) {
		if (value.every((entry) => typeof entry === 'string')) return 'string[]';
		if (value.every(isRecord)) return 'object[]';
		return 'array';
	}
	if (isRecord(value)) return 'object';
	return 'unknown';
}

/** Whether a query string value reads as the declared type (query values are always text). */
function queryFits(type: FieldType, value: string): boolean {
	if (type === 'integer') return /^-?\d+$/.test(value);
	if (type === 'boolean') return value === 'true' || value === 'false';
	return type === 'string';
}

class Checker {
	readonly problems: Problem[] = [];

	readonly exceptionsUsed: ContractException[] = [];

	constructor(private readonly row: ContractRow) {}

	private exception(field: string, kind: ContractException['kind']): ContractException | undefined {
		const found = EXCEPTIONS.find((entry) => entry.row === this.row.id && entry.field === field && entry.kind === kind);
		if (found && !this.exceptionsUsed.includes(found)) this.exceptionsUsed.push(found);
		return found;
	}

	private problem(field: string, what: Problem['what'], detail: string): void {
		this.problems.push({ field, what, detail });
	}

	headers(headers: RequestShape['headers']): void {
		for (const name of this.row.headers ?? []) {
			if (headers[name] === undefined) {
				this.problem(`header.${name}`, 'missing', 'required by the sources');
			}
		}
	}

	query(query: URLSearchParams): void {
		for (const name of new Set(query.keys())) {
			const field = `query.${name}`;
			const declared = this.row.query.find((candidate) => candidate.name === name);
			if (!declared) {
				if (!this.exception(field, 'undeclared')) this.problem(field, 'undeclared', 'no source declares this query parameter');
				continue;
			}
			for (const value of query.getAll(name)) {
				if (!queryFits(declared.type, value)) this.problem(field, 'wrongType', `declared ${declared.type}`);
				else if (declared.enum && !declared.enum.includes(value)) this.problem(field, 'notAllowed', `one of ${declared.enum.join(', ')}`);
			}
		}
		for (const declared of this.row.query) {
			if (declared.required && !query.has(declared.name)) {
				this.problem(`query.${declared.name}`, 'missing', 'required by the sources');
			}
		}
	}

	body(body: unknown): void {
		const declared = this.row.body;
		const empty = body === undefined || body === '' || (isRecord(body) && Object.keys(body).length === 0);
		if (declared === undefined) {
			if (!empty) this.problem('body', 'undeclared', 'no source gives this call a body');
			return;
		}
		if (body !== undefined && !isRecord(body)) {
			this.problem('body', 'wrongType', 'declared a JSON object');
			return;
		}
		this.fields('body', declared, body ?? {});
	}

	private fields(prefix: string, declared: readonly Field[], value: Record<string, unknown>): void {
		for (const [name, entry] of Object.entries(value)) {
			const field = `${prefix}.${name}`;
			const spec = declared.find((candidate) => candidate.name === name);
			if (spec) this.value(field, spec, entry);
			else if (!this.exception(field, 'undeclared')) this.problem(field, 'undeclared', 'no source declares this field');
		}
		for (const spec of declared) {
			const field = `${prefix}.${spec.name}`;
			if (spec.required && value[spec.name] === undefined) {
				this.problem(field, 'missing', 'required by the sources');
			}
		}
	}

	private value(field: string, spec: Field, value: unknown): void {
		const actual = typeOf(value);
		// An empty list fits any declared list type.
		const fits = actual === spec.type || (Array.isArray(value) && value.length === 0 && spec.type.endsWith('[]'));
		if (!fits) {
			// A form an exception allows is passed through as sent: nothing inside it is declared.
			const allowed = this.exception(field, 'otherType');
			if (!allowed || allowed.type !== actual) this.problem(field, 'wrongType', `declared ${spec.type}, sent ${actual}`);
			return;
		}
		if (spec.enum) {
			const entries = Array.isArray(value) ? value : [value];
			const outside = entries.find((entry) => !spec.enum?.includes(entry as string | boolean));
			if (outside !== undefined) this.problem(field, 'notAllowed', `one of ${spec.enum.join(', ')}`);
		}
		if (spec.fields && isRecord(value)) this.fields(field, spec.fields, value);
		if (spec.fields && Array.isArray(value)) {
			for (const entry of value) if (isRecord(entry)) this.fields(`${field}[]`, spec.fields, entry);
		}
	}
}

/** Matches a request to its row and lists what in it the sources do not declare. */
export function matchRequest(service: Service, request: RequestShape): Match {
	const row = findRow(service, request.method, request.path);
	if (!row) return { problems: [{ field: 'call', what: 'undeclared', detail: `no source declares ${request.method} ${request.path}` }], exceptionsUsed: [] };
	const checker = new Checker(row);
	checker.headers(request.headers);
	checker.query(request.query);
	checker.body(request.body);
	return { row, problems: checker.problems, exceptionsUsed: checker.exceptionsUsed };
}

/** One line naming every problem, for a test failure or a fake's 400. */
export function describeProblems(request: Pick<RequestShape, 'method' | 'path'>, problems: Problem[]): string {
	return `${request.method} ${request.path}: ${problems.map((problem) => `${problem.field} ${problem.what} (${problem.detail})`).join('; ')}`;
}
