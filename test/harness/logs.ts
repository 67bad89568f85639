/**
 * What our nodes write to n8n's log. n8n-core's contexts log through the Logger in n8n's DI
 * container; capturing its lines lets tests check that a failure n8n would otherwise swallow
 * (a delete() failure, a delivery for an unregistered URL) reaches the log, and without secrets.
 */
// n8n-core's own copies of these packages: the contexts take their logger from that container.
import { Logger } from 'n8n-core/node_modules/@n8n/backend-common';
import { Container } from 'n8n-core/node_modules/@n8n/di';

export interface LogLine {
	level: 'error' | 'warn' | 'info';
	message: string;
}

export function captureLogs(): { lines: LogLine[]; restore: () => void } {
	const logger = Container.get(Logger);
	const lines: LogLine[] = [];
	const spies = (['error', 'warn', 'info'] as const).map((level) =>
		jest.spyOn(logger, level).mockImplementation((...args: [string, ...unknown[]]) => {
			lines.push({ level, message: args[0] });
		}),
	);
	return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** Runs `step` with n8n's log captured; the logger is restored whatever `step` does. */
export async function withCapturedLogs<T>(step: () => Promise<T>): Promise<{ result: T; lines: LogLine[] }> {
	const logs = captureLogs();
	try {
		return { result: await step(), lines: logs.lines };
	} finally {
		logs.restore();
	}
}
