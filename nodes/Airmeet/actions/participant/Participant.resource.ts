import { resource } from '../common';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export const participant = resource({ name: 'Participant', value: 'participant' }, [add, getAll, remove], 'getAll');
