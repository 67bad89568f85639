import { resource } from '../common';
import * as add from './add.operation';

export const speaker = resource({ name: 'Speaker', value: 'speaker' }, [add], 'add');
