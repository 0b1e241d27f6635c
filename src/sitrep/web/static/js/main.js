// The workspace: wires filters, map, timeline and the side panel together. Every view follows the filters.
import {h, clear, $, cssName} from './dom.js';
import * as api from './api.js';
import {filters, onChange, changed, query, clearFilters} from './state.js';
import {createMap} from './map.js';
import {createTimeline} from './timeline.js';
import {glyph} from './types.js';
import * as panels from './panels.js';

let config, mapView, timeline;
let listLimit = 100;
let firstLoad = true;

function showTab(which) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === which);
  $('#panel-claims').hidden = which !== 'claims';
  $('#panel-detail').hidden = which !== 'detail';
}

function showError(el, e) {
  clear(el).append(h('p', {class: 'error', text: e.message || String(e)}));
}

async function refresh(what) {
  document.body.dataset.loading = '1';
  const q = query();
  const jobs = [
    api.get('/api/geo/claims', query({extra: {limit: 5000}})).then((fc) => {
      mapView.render(fc, {fit: firstLoad});
      firstLoad = false;
      const points = fc.features.filter((f) => f.geometry.type === 'Point');
      const regions = points.filter((f) => f.properties.precision >= 3).length;
      $('#map-note').textContent = `${points.length} located claim${points.length === 1 ? '' : 's'} on the map` +
        (regions ? ` (${regions} known only to the region: drawn as dashed areas)` : '') + (fc.truncated ? ' — newest shown; narrow the filters' : '');
      $('#map').dataset.count = String(points.length);
    }).catch((e) => { $('#map-note').textContent = `map: ${e.message}`; }),
    api.get('/api/claims', `${q}${q ? '&' : ''}limit=${listLimit}`).then((data) => {
      panels.renderClaimList($('#panel-claims'), data, () => { listLimit += 200; refresh('list'); });
      $('#counts').textContent = `${data.total} claims`;
    }).catch((e) => showError($('#panel-claims'), e)),
  ];
  if (what !== 'list' && what !== 'dates') {
    jobs.push(api.get('/api/timeline', query({withoutDates: true})).then((d) => timeline.update(d)).catch(() => {}));
    jobs.push(loadOptions());
  }
  await Promise.all(jobs);
  const df = $('#date-filter');
  clear(df);
  if (filters.since || filters.until) {
    df.append(`Dates: ${filters.since || '…'} to ${filters.until || '…'} `,
              h('button', {type: 'button', class: 'link', id: 'clear-dates', text: 'clear',
                           onclick: () => { timeline.setRange(null); }}));
  }
  delete document.body.dataset.loading;
  document.body.dataset.ready = '1';
}

async function loadOptions() {
  const q = query();
  const fill = async (path, list) => {
    try {
      const d = await api.get(path, `${q}${q ? '&' : ''}limit=200`);
      clear($(list)).append(...d.items.map((it) => h('option', {value: it.name, label: `${it.claims} claims`})));
    } catch { /* options are a convenience */ }
  };
  await Promise.all([fill('/api/actors', '#actor-options'), fill('/api/places', '#place-options'),
                     fill('/api/sources', '#source-options')]);
}

async function loadReports() {
  try {
    const d = await api.get('/api/reports', 'limit=200');
    clear($('#report-list')).append(...d.items.map((r) => h('li', {},
      h('a', {href: panels.reportHash(r.id), class: 'report-link', text: r.title || r.origin}),
      h('div', {class: 'muted small', text: [r.published, r.publisher, `${r.claims} claims`].filter(Boolean).join(' · ')}))));
  } catch (e) { showError($('#report-list'), e); }
}

function buildTypeFilter() {
  const box = $('#type-list');
  clear(box);
  for (const t of config.event_types) {
    const cb = h('input', {type: 'checkbox', value: t, 'data-type': t, onchange: (ev) => {
      if (ev.target.checked) filters.types.add(t); else filters.types.delete(t);
      listLimit = 100; changed();
    }});
    box.append(h('label', {class: 'type-option'}, cb, h('span', {class: `legend mk t-${cssName(t)}`},
                                                       h('span', {class: 'glyph', text: glyph(t)})), ` ${t}`));
  }
}

function bindInput(sel, key) {
  const el = $(sel);
  let timer;
  const apply = () => { if (filters[key] !== el.value.trim()) { filters[key] = el.value.trim(); listLimit = 100; changed(); } };
  el.addEventListener('change', apply);
  el.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 400); });
}

function syncInputs() {
  $('#f-actor').value = filters.actor; $('#f-place').value = filters.place; $('#f-source').value = filters.source;
  $('#f-modality').value = filters.modality; $('#f-status').value = filters.status; $('#search').value = filters.q;
  for (const cb of document.querySelectorAll('#type-list input')) cb.checked = filters.types.has(cb.value);
}

const ctx = {
  get config() { return config; },
  query: () => query(),
  setActor(name) { filters.actor = name; syncInputs(); changed(); },
  setPlace(name) { filters.place = name; syncInputs(); changed(); },
  openSettings,
  highlight(d) {
    const p = d.lat !== null && d.lat !== undefined ? [d.lat, d.lon] : null;
    mapView.highlight(d.id, p, d.precision);
  },
  async reviewed(id, action) {
    panels.forgetReport(null);
    refresh('list');
    await route(true);
    const msg = document.querySelector('#panel-detail .review-msg');
    if (msg) msg.textContent = `Saved: ${action}.`;
  },
};

async function route(force = false) {
  const params = new URLSearchParams(location.hash.slice(1));
  const el = $('#panel-detail');
  const tab = $('#detail-tab');
  try {
    if (params.get('report')) {
      tab.disabled = false; tab.textContent = 'Report'; showTab('detail');
      await panels.renderReport(el, params.get('report'), ctx, params.get('claim'));
    } else if (params.get('claim')) {
      tab.disabled = false; tab.textContent = 'Claim'; showTab('detail');
      await panels.renderClaim(el, params.get('claim'), ctx);
    } else if (params.get('actor')) {
      tab.disabled = false; tab.textContent = 'Actor'; showTab('detail');
      await panels.renderActor(el, params.get('actor'), ctx);
    } else {
      showTab('claims');
    }
  } catch (e) { showError(el, e); }
}

function openSettings() {
  const s = api.settings();
  $('#s-reviewer').value = s.reviewer || '';
  $('#s-token').value = s.token || '';
  $('#s-status').textContent = config.writable ? 'Writing (upload, review) is on: it needs the token.'
                                               : 'Writing is off on this server (started without a token).';
  $('#settings-dialog').showModal();
}

async function main() {
  config = await api.get('/api/config');
  if (config.read_requires_token && !api.settings().token) {
    document.body.append(h('p', {class: 'banner', text: 'This server needs a token to read: open Settings.'}));
  }
  buildTypeFilter();
  mapView = createMap($('#map'), config, (id) => { location.hash = panels.claimHash(id); });
  timeline = createTimeline($('#timeline'), (range) => {
    filters.since = range ? range[0] : ''; filters.until = range ? range[1] : '';
    listLimit = 100; changed('dates');
  });
  bindInput('#f-actor', 'actor'); bindInput('#f-place', 'place'); bindInput('#f-source', 'source');
  $('#f-modality').addEventListener('change', (e) => { filters.modality = e.target.value; changed(); });
  $('#f-status').addEventListener('change', (e) => { filters.status = e.target.value; changed(); });
  $('#search-form').addEventListener('submit', (e) => { e.preventDefault(); filters.q = $('#search').value.trim(); changed(); });
  $('#clear-filters').addEventListener('click', () => { clearFilters(); syncInputs(); timeline.setRange(null, {silent: true}); changed(); });
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
  $('#settings-button').addEventListener('click', openSettings);
  $('#settings-form').addEventListener('submit', (ev) => {
    if (ev.submitter && ev.submitter.value === 'save') {
      api.saveSettings({reviewer: $('#s-reviewer').value.trim(), token: $('#s-token').value.trim()});
      refresh(); loadReports(); route(true);
    }
  });
  $('#upload-button').addEventListener('click', () => { $('#u-status').textContent = ''; $('#upload-dialog').showModal(); });
  $('#upload-button').disabled = !config.writable;
  $('#upload-button').title = config.writable ? 'Upload a report' : 'Writing is off on this server';
  $('#u-send').addEventListener('click', async () => {
    const file = $('#u-file').files[0];
    if (!file) { $('#u-status').textContent = 'Choose a file first.'; return; }
    if (file.size > config.max_upload) { $('#u-status').textContent = `Too large: at most ${config.max_upload} bytes.`; return; }
    $('#u-status').textContent = 'Ingesting…';
    try {
      const r = await api.upload(file);
      $('#u-status').textContent = `${r.status === 'new' ? 'Stored' : 'Already stored'}: ${r.claims} claims.`;
      loadReports(); refresh();
    } catch (e) { $('#u-status').textContent = `Not stored: ${e.message}`; }
  });
  try {
    const fm = await api.get('/api/export/formats');
    $('#export-format').append(...fm.items.map((f) => h('option', {value: f, text: f})));
  } catch { /* export list needs read access */ }
  $('#export-button').addEventListener('click', () => api.download('/api/export', query({extra: {format: $('#export-format').value}}))
    .catch((e) => alert(`Export failed: ${e.message}`)));
  onChange((what) => refresh(what));
  window.addEventListener('hashchange', () => route());
  await Promise.all([refresh(), loadReports(), route()]);
}

main().catch((e) => {
  document.body.append(h('p', {class: 'banner error', text: `The workspace could not start: ${e.message}`}));
});
