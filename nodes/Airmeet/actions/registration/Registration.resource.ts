import { resource } from '../common';
import * as getAll from './getAll.operation';

export const registration = resource({ name: 'Registration', value: 'registration' }, [getAll], 'getAll');
