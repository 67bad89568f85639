import { resource } from '../common';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as getAttendance from './getAttendance.operation';

export const session = resource({ name: 'Session', value: 'session' }, [create, getAll, getAttendance], 'getAll');
