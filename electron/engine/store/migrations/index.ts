import { migration001 } from './001-initial';
import { migration002 } from './002-xoi-users';
import { migration003 } from './003-verdicts';
import { migration004 } from './004-search-index';
import { migration005 } from './005-read-model';
import { migration006 } from './006-held-counts';
import { migration007 } from './007-drop-appointments-task-date';
import { migration008 } from './008-instants-in-utc';
import { migration009 } from './009-search-deletes-by-text';
import { migration010 } from './010-verdict-changes-at';
import type { Migration } from './types';

/** Every migration in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
