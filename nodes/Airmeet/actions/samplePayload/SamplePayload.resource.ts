import { resource } from '../common';
import * as get from './get.operation';

export const samplePayload = resource({ name: 'Sample Payload', value: 'samplePayload' }, [get], 'get');
