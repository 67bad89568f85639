import { resource } from '../common';
import * as create from './create.operation';
import * as getAttendance from './getAttendance.operation';

export const booth = resource({ name: 'Booth', value: 'booth' }, [create, getAttendance], 'getAttendance');
