/**
 * MADR 3: as MADR 4 (front matter, lower-case statuses, `docs/decisions`, from 0000) but the people
 * key is `deciders`. No template of its own here: new records follow their siblings, else MADR 4's.
 */
import { MADR4 } from './madr4';
import type { DialectDescriptor } from './types';

export const MADR3: DialectDescriptor = {
  ...MADR4,
  id: 'madr3',
  label: 'MADR 3',
  records: ['madr3'],
  detection: { ...MADR4.detection, clues: ['front matter status/date/deciders', '## Context and Problem Statement'] },
  init: undefined,
};
