// The side panel's views: the claims list, a claim (evidence in its report, source chain, fields, review),
// an actor (claims, places, network) and a report (its text with its claims marked). All text is textContent.
import {h, clear, typeBadge, statusBadge, PRECISION, cssName} from './dom.js';
import * as api from './api.js';
import {drawNetwork} from './network.js';

const reportCache = new Map();
export async function getReport(id) {
  if (!reportCache.has(id)) reportCache.set(id, api.get(`/api/reports/${encodeURIComponent(id)}`));
  try { return await reportCache.get(id); } catch (e) { reportCache.delete(id); throw e; }
}
export function forgetReport(id) { if (id) reportCache.delete(id); else reportCache.clear(); }

function link(text, hash, cls) { return h('a', {href: hash, class: cls, text}); }
export function claimHash(id) { return `#claim=${encodeURIComponent(id)}`; }
export function actorHash(name) { return `#actor=${encodeURIComponent(name)}`; }
export function reportHash(id, claim) { return `#report=${encodeURIComponent(id)}` + (claim ? `&claim=${encodeURIComponent(claim)}` : ''); }

export function claimItem(c) {
  return h('li', {class: `claim-item status-${cssName(c.status)}`, dataset: {claimId: c.id}},
    h('a', {href: claimHash(c.id), class: 'claim-link'},
      typeBadge(c.type), ' ', h('span', {class: 'date', text: c.date || 'undated'}), ' ',
      c.status !== 'unreviewed' ? statusBadge(c.status) : null,
      c.modality === 'planned' ? h('span', {class: 'tag', text: 'planned'}) : null,
      h('div', {class: 'evidence-line', text: c.evidence.text.length > 180 ? c.evidence.text.slice(0, 179) + '…' : c.evidence.text}),
      h('div', {class: 'muted small', text: [c.actors.map((a) => a.name).join(', '), c.places.map((p) => p.name).join(', '),
                                               c.source ? `source: ${c.source}` : ''].filter(Boolean).join(' · ')})));
}

export function renderClaimList(el, data, onMore) {
  clear(el);
  el.append(h('p', {class: 'muted', id: 'claims-total', text: `${data.total} claim${data.total === 1 ? '' : 's'} match the filters`}));
  const ol = h('ol', {class: 'plain claims'}, data.items.map(claimItem));
  el.append(ol);
  if (data.total > data.items.length) {
    el.append(h('button', {type: 'button', text: `Show more (${data.total - data.items.length} left)`, onclick: onMore}));
  }
}

// Text with spans marked: segments by boundary, each with the set of spans covering it (overlaps allowed).
function markedText(text, offset, spans) {
  const points = new Set([0, text.length]);
  for (const s of spans) {
    points.add(Math.max(0, Math.min(text.length, s.start - offset)));
    points.add(Math.max(0, Math.min(text.length, s.end - offset)));
  }
  const sorted = [...points].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i], b = sorted[i + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start - offset <= a && s.end - offset >= b);
    if (!covering.length) { out.push(document.createTextNode(piece)); continue; }
    const cls = covering.map((s) => s.cls).join(' ');
    const title = covering.map((s) => s.title).filter(Boolean).join('; ');
    const attrs = {class: cls, text: piece, title: title || null};
    const target = covering.find((s) => s.claimId);
    if (target) { attrs.dataset = {claimId: target.claimId}; attrs.tabindex = 0; }
    out.push(h(covering.some((s) => s.cls.includes('evidence')) ? 'mark' : 'span', attrs));
  }
  return out;
}

function paragraphAround(text, start, end) {
  let a = text.lastIndexOf('\n\n', start);
  a = a < 0 ? 0 : a + 2;
  let b = text.indexOf('\n\n', end);
  b = b < 0 ? text.length : b;
  return [a, b];
}

function fieldValue(name, d) {
  const v = d[name];
  if (name === 'actors') return (v || []).map((a) => `${a.name}${a.role ? ` (${a.role})` : ''}`).join('; ') || '—';
  if (name === 'places') return (v || []).map((p) => `${p.name}${p.role ? ` (${p.role})` : ''} — ${PRECISION[p.precision] || 'not located'}`).join('; ') || '—';
  if (name === 'source') return v ? v.name : '—';
  if (name === 'date') return v ? `${v}${d.date_precision ? ` (${d.date_precision})` : ''}` : 'undated';
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

function sourceChain(d, report) {
  const s = d.source;
  const items = [];
  items.push(h('li', {}, h('strong', {text: 'Report: '}), `${report.publisher || report.title || 'report'}`,
                report.published ? `, ${report.published}` : ''));
  if (s) {
    if (s.footnote !== null && s.footnote !== undefined) {
      const fn = (report.footnotes || []).find((f) => f.number === s.footnote);
      items.push(h('li', {}, h('strong', {text: `Footnote [${s.footnote}]: `}), fn ? fn.text : '(not found in the report)'));
    }
    items.push(h('li', {}, h('strong', {text: 'Outlet: '}), s.name,
                  s.kind ? ` (${s.kind})` : '', s.outlet_date ? `, dated ${s.outlet_date}` : '',
                  s.mention && s.mention !== s.name ? ` — written “${s.mention}”` : ''));
    if (s.sourcing) items.push(h('li', {}, h('strong', {text: 'Its sources: '}), s.sourcing));
  } else {
    items.push(h('li', {class: 'muted', text: 'No outlet named: the report’s own statement.'}));
  }
  return h('ol', {class: 'chain'}, items);
}

export async function renderClaim(el, claimId, ctx) {
  clear(el).append(h('p', {class: 'muted', text: 'Loading…'}));
  const d = await api.get(`/api/claims/${encodeURIComponent(claimId)}`);
  const report = await getReport(d.report_id);
  clear(el);
  el.dataset.claimId = d.id;
  el.append(h('div', {class: 'claim-head'}, typeBadge(d.type), ' ', statusBadge(d.status), ' ',
    h('span', {class: 'date', text: d.date || 'undated'}),
    d.modality === 'planned' ? h('span', {class: 'tag', text: 'planned'}) : null,
    d.negated ? h('span', {class: 'tag warn', text: 'negated'}) : null,
    d.certainty ? h('span', {class: 'tag', text: d.certainty}) : null,
    d.optional ? h('span', {class: 'tag', text: 'background / restatement'}) : null));
  el.append(h('p', {class: 'small'}, 'In ', link(report.title || report.origin, reportHash(report.id, d.id), 'report-link'),
              report.published ? ` (${report.published})` : ''));

  // The evidence sentence, highlighted inside its paragraph of the report; the spans fields came from underlined.
  const ev = d.evidence;
  const [a, b] = paragraphAround(report.text, ev.start, ev.end);
  const spans = [{start: ev.start, end: ev.end, cls: 'evidence', title: 'evidence'}];
  for (const [name, sp] of Object.entries(d.fields || {})) {
    if (sp && typeof sp.start === 'number') spans.push({start: sp.start, end: sp.end, cls: `field f-${cssName(name)}`, title: name});
  }
  el.append(h('h3', {text: 'Evidence'}),
            h('blockquote', {class: 'evidence-context', id: 'evidence'}, markedText(report.text.slice(a, b), a, spans)));

  // Fields and where each came from.
  const corrected = new Map();
  for (const r of d.reviews || []) if (r.action === 'correct') corrected.set(r.field, r);
  const rows = ['type', 'date', 'modality', 'actors', 'places', 'source'].map((name) => {
    const sp = (d.fields || {})[name];
    const rev = corrected.get(name);
    let from;
    if (rev) from = h('span', {class: 'corrected', text: `corrected by ${rev.reviewer}, ${rev.created_at.slice(0, 10)} (was: ${fieldValue(name, {[name]: rev.previous, date_precision: null})})`});
    else if (sp && sp.text) from = h('span', {}, '“', h('span', {class: `field f-${cssName(name)}`, text: sp.text}), `” at ${sp.start}–${sp.end}`);
    else if (name === 'source' && d.source && d.source.footnote) from = `footnote [${d.source.footnote}]`;
    else if (name === 'date' && d.date && report.published) from = h('span', {class: 'muted', text: 'from the context (report of ' + report.published + ')'});
    else from = h('span', {class: 'muted', text: 'the sentence'});
    return h('tr', {}, h('th', {text: name}), h('td', {text: fieldValue(name, d)}), h('td', {}, from));
  });
  el.append(h('h3', {text: 'Fields'}), h('table', {class: 'fields'}, h('thead', {}, h('tr', {}, h('th', {text: 'field'}),
            h('th', {text: 'value'}), h('th', {text: 'from'}))), h('tbody', {}, rows)));

  if ((d.actors || []).length) {
    el.append(h('p', {class: 'small'}, 'Actors: ', d.actors.map((x, i) => [i ? ', ' : '', link(x.name, actorHash(x.name), 'actor-link')])));
  }
  const located = (d.places || []).filter((p) => p.lat !== null && p.lat !== undefined);
  if ((d.places || []).length) {
    el.append(h('ul', {class: 'places small'}, d.places.map((p) => h('li', {},
      `${p.name}${p.role ? ` (${p.role})` : ''}: `,
      h('span', {class: `prec prec-${p.precision || 0}`, text: p.lat === null || p.lat === undefined ? 'not located' : PRECISION[p.precision] || 'unknown precision'}),
      p.lat !== null && p.lat !== undefined ? ` ${Number(p.lat).toFixed(3)}, ${Number(p.lon).toFixed(3)}` : ''))));
  }
  el.append(h('h3', {text: 'Source chain'}), sourceChain(d, report));
  if ((d.quantities || []).length || (d.equipment || []).length || (d.persons || []).length) {
    el.append(h('p', {class: 'small muted'}, [
      ...(d.quantities || []).map((q) => `${q.qualifier ? q.qualifier + ' ' : ''}${q.value ?? ''} ${q.unit}`.trim()),
      ...(d.equipment || []), ...(d.persons || []).map((p) => p.name)].join(' · ')));
  }
  el.append(reviewSection(d, ctx));
  if (located.length && ctx.highlight) ctx.highlight(d);
}

function reviewSection(d, ctx) {
  const box = h('section', {class: 'review', id: 'review'}, h('h3', {text: 'Review'}));
  if (!ctx.config.writable) {
    box.append(h('p', {class: 'muted', text: 'Reviewing is off on this server (it was started without a token).'}));
  } else {
    const msg = h('p', {class: 'review-msg', role: 'status'});
    const send = async (action, changes) => {
      const s = api.settings();
      if (!s.reviewer) { msg.textContent = 'Set your reviewer name in Settings first.'; ctx.openSettings(); return; }
      try {
        await api.post(`/api/claims/${encodeURIComponent(d.id)}/review`, {action, reviewer: s.reviewer, changes: changes || null,
                                                                           note: note.value || null});
        msg.textContent = `Saved: ${action}.`;
        await ctx.reviewed(d.id, action);
      } catch (e) { msg.textContent = `Not saved: ${e.message}`; msg.classList.add('error'); }
    };
    const note = h('input', {type: 'text', placeholder: 'Note (optional)', maxlength: 2000, class: 'note'});
    box.append(h('div', {class: 'buttons'},
      h('button', {type: 'button', id: 'review-accept', text: 'Accept', onclick: () => send('accept')}),
      h('button', {type: 'button', id: 'review-reject', class: 'danger', text: 'Reject', onclick: () => send('reject')})),
      note);
    // Corrections: one input per field; only changed fields are sent.
    const typeSel = h('select', {name: 'type'}, ctx.config.event_types.map((t) => h('option', {value: t, text: t, selected: t === d.type})));
    const date = h('input', {name: 'date', value: d.date || '', placeholder: 'YYYY-MM-DD', maxlength: 10});
    const actors = h('textarea', {name: 'actors', rows: 2, placeholder: 'One per line: Name (role)'});
    actors.value = (d.actors || []).map((a) => `${a.name}${a.role ? ` (${a.role})` : ''}`).join('\n');
    const places = h('textarea', {name: 'places', rows: 3, placeholder: 'One per line: Name | lat | lon | precision 1-3 | role'});
    places.value = (d.places || []).map((p) => [p.name, p.lat ?? '', p.lon ?? '', p.precision ?? '', p.role || ''].join(' | ')).join('\n');
    const source = h('input', {name: 'source', value: d.source ? d.source.name : '', maxlength: 200});
    const initial = {type: typeSel.value, date: date.value, actors: actors.value, places: places.value, source: source.value};
    const form = h('form', {class: 'correct', id: 'correct-form', onsubmit: (ev) => {
      ev.preventDefault();
      const changes = {};
      if (typeSel.value !== initial.type) changes.type = typeSel.value;
      if (date.value.trim() !== initial.date) changes.date = date.value.trim() || null;
      if (actors.value !== initial.actors) {
        changes.actors = actors.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
          const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(l);
          return m ? {name: m[1], role: m[2] || null} : {name: l, role: null};
        });
      }
      if (places.value !== initial.places) {
        changes.places = places.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
          const [name, lat, lon, precision, role] = l.split('|').map((x) => (x || '').trim());
          return {name, lat: lat || null, lon: lon || null, precision: precision || null, role: role || null};
        });
      }
      if (source.value.trim() !== initial.source) changes.source = source.value.trim() || null;
      if (!Object.keys(changes).length) { msg.textContent = 'Nothing changed.'; return; }
      send('correct', changes);
    }},
      h('details', {}, h('summary', {text: 'Correct…'}),
        h('label', {}, 'Type', typeSel), h('label', {}, 'Date', date), h('label', {}, 'Actors', actors),
        h('label', {}, 'Places', places), h('label', {}, 'Source', source),
        h('button', {type: 'submit', id: 'review-correct', text: 'Save correction'})));
    box.append(form, msg);
  }
  const reviews = d.reviews || [];
  box.append(h('h4', {text: `History (${reviews.length})`}),
    reviews.length ? h('ol', {class: 'history small'}, reviews.map((r) => h('li', {},
      `${r.created_at.replace('T', ' ').replace('Z', ' UTC')} — ${r.reviewer}: ${r.action}`,
      r.field ? ` ${r.field}: ${JSON.stringify(r.previous)} → ${JSON.stringify(r.new)}` : '',
      r.note ? ` (“${r.note}”)` : ''))) : h('p', {class: 'muted small', text: 'Not reviewed yet.'}));
  return box;
}

export async function renderActor(el, name, ctx) {
  clear(el).append(h('p', {class: 'muted', text: 'Loading…'}));
  let d;
  try { d = await api.get(`/api/actors/${encodeURIComponent(name)}`, ctx.query()); }
  catch (e) { clear(el).append(h('p', {class: 'error', text: e.message})); return; }
  clear(el);
  el.append(h('h2', {class: 'actor-name', text: d.name}));
  const kb = d.kb || {};
  const facts = [kb.kind, kb.country, kb.parent ? `part of ${kb.parent}` : null].filter(Boolean).join(' · ');
  if (facts) el.append(h('p', {class: 'muted', text: facts}));
  if ((kb.units || []).length) {
    el.append(h('p', {class: 'small'}, `Sub-units (${kb.units.length}, included): `,
      kb.units.slice(0, 30).map((u, i) => [i ? ', ' : '', link(u, actorHash(u), 'actor-link')])));
  }
  el.append(h('button', {type: 'button', text: 'Filter the workspace by this actor', onclick: () => ctx.setActor(d.name)}));
  el.append(h('h3', {text: 'Appears with'}), drawNetwork(d.network, (n) => { location.hash = actorHash(n); }));
  el.append(h('h3', {text: `Places (${d.places.length})`}),
    h('ul', {class: 'plain small'}, d.places.slice(0, 30).map((p) => h('li', {},
      h('a', {href: '#', text: p.name, onclick: (ev) => { ev.preventDefault(); ctx.setPlace(p.name); }}),
      ` — ${p.claims} claim${p.claims === 1 ? '' : 's'}, ${PRECISION[p.precision] || 'not located'}`))));
  el.append(h('h3', {text: `Claims (${d.claims.total})`}), h('ol', {class: 'plain claims'}, d.claims.items.map(claimItem)));
}

export async function renderReport(el, id, ctx, focusClaim) {
  clear(el).append(h('p', {class: 'muted', text: 'Loading…'}));
  const r = await getReport(id);
  clear(el);
  el.append(h('h2', {class: 'report-title', text: r.title || r.origin}),
    h('p', {class: 'muted small', text: [r.published, r.publisher, r.dispatch, `${r.claims} claims`, r.origin].filter(Boolean).join(' · ')}),
    h('button', {type: 'button', text: 'Download the original', onclick: () => api.download(`/api/reports/${encodeURIComponent(r.id)}/original`, '')}));
  const spans = r.claim_items.map((c) => ({start: c.evidence.start, end: c.evidence.end, claimId: c.id,
    cls: `evidence claim-mark t-${cssName(c.type)}${c.status === 'rejected' ? ' rejected' : ''}${c.id === focusClaim ? ' focus' : ''}`,
    title: `${c.type} · ${c.date || 'undated'} · ${c.status}`}));
  const body = h('div', {class: 'report-text', id: 'report-text'}, markedText(r.text, 0, spans));
  body.addEventListener('click', (ev) => {
    const t = ev.target.closest('[data-claim-id]');
    if (t) location.hash = claimHash(t.dataset.claimId);
  });
  el.append(body);
  const focus = body.querySelector('.focus');
  if (focus) focus.scrollIntoView({block: 'center'});
}
