import { resource } from '../common';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const event = resource({ name: 'Event', value: 'event' }, [get, getAll], 'getAll');
