import { resource } from '../common';
import * as deregister from './deregister.operation';
import * as getAll from './getAll.operation';
import * as register from './register.operation';

export const webhook = resource({ name: 'Webhook', value: 'webhook' }, [deregister, getAll, register], 'getAll');
