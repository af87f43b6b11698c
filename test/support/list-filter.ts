import type { ListFilter } from '../../electron/engine/store';

/** The read model's filter with nothing narrowed: every live row (tests spread it and set what they narrow). */
export const NO_LIST_FILTER: ListFilter = {
  live: true,
  search: '',
  states: [],
  codes: [],
  companies: [],
  technicians: [],
  from: null,
  to: null,
};
