// The workspace's shared state: the filters (every view follows them) and listeners.

export const filters = {
  types: new Set(), actor: '', place: '', source: '', modality: '', status: '', since: '', until: '', q: '',
};

const listeners = [];
export function onChange(fn) { listeners.push(fn); }
export function changed(what = 'filters') { for (const fn of listeners) fn(what); }

// The query string of the filters; `withoutDates` for the timeline, which shows every date under the other filters.
export function query({withoutDates = false, extra = {}} = {}) {
  const p = new URLSearchParams();
  if (filters.types.size) p.set('type', [...filters.types].join(','));
  for (const k of ['actor', 'place', 'source', 'modality', 'status', 'q']) if (filters[k]) p.set(k, filters[k]);
  if (!withoutDates) {
    if (filters.since) p.set('since', filters.since);
    if (filters.until) p.set('until', filters.until);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  return p.toString();
}

export function clearFilters() {
  filters.types.clear();
  for (const k of ['actor', 'place', 'source', 'modality', 'status', 'since', 'until', 'q']) filters[k] = '';
}
