import { resource } from '../common';
import * as getAttendance from './getAttendance.operation';

export const booth = resource({ name: 'Booth', value: 'booth' }, [getAttendance], 'getAttendance');
