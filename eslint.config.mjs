// n8n's own rules for community nodes, exactly as @n8n/node-cli exports them.
import { config } from '@n8n/node-cli/eslint';

export default config;
