/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/** Small statistics and formatting helpers shared by the benchmark, the load test and queue mode. */
import * as os from 'os';

/** The middle value (the mean of the two middle ones for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function sum(values: readonly number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number {
	return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

export function seconds(ms: number, digits = 1): string {
	return `${(ms / 1000).toFixed(digits)} s`;
}

export function fixed(value: number, digits = 1): string {
	return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

export function bytes(value: number): string {
	if (value < 1024) return `${value} B`;
	if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} kB`;
	return `${(value / 1024 / 1024).toFixed(2)} MB`;
}

/** A plain-text table with right-aligned numeric-looking cells. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
	const numeric = /^[-+]?[\d.,]+( ?[a-zA-Z%/×]+)?$/;
	const line = (cells: readonly string[]): string =>
		cells
			.map((cell, column) => (numeric.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
			.join('  ')
			.trimEnd();
	return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table as GitHub markdown (for the README). */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
	const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
	return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The machine's load averages (1, 5, 15 min) as `uptime` shows them. */
export function loadAverage(): [number, number, number] {
	const [one, five, fifteen] = os.loadavg();
	return [one, five, fifteen];
}
