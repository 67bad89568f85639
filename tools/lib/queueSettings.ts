/**
 * The settings every process of a queue-mode n8n shares (n8n 2.41), as queue mode runs them and as
 * the README's "Scaling" section describes them.
 */
export interface QueueBackends {
	postgres: { port: number; database: string; user: string; password: string };
	redisPort: number;
}

/** Test-only key: the instance is a throwaway on 127.0.0.1. Every process must use the same one. */
export const QUEUE_ENCRYPTION_KEY = 'queue-mode-test-only-encryption-key';

export function queueModeEnv({ postgres, redisPort }: QueueBackends): Record<string, string> {
	return {
		// Credentials are encrypted by the main process and decrypted by the worker and webhook process.
		N8N_ENCRYPTION_KEY: QUEUE_ENCRYPTION_KEY,
		// Queue mode needs a database every process reaches (not each its own SQLite file).
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// n8n 2.41 warns without it (manual runs from the editor go to the workers too; n8n 3 will always do so).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// "Worker started/finished execution <id>" and "Enqueued execution <id>" are info lines.
		N8N_LOG_LEVEL: 'info',
		// An expression isolate only when an expression is evaluated (see the README's Performance).
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
		// The run counts executions: none may be pruned meanwhile.
		EXECUTIONS_DATA_PRUNE: 'false',
	};
}
