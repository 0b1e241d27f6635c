// The timeline: claim counts over time (SVG) with a brush; the brushed range filters every other view.
import {svg, clear, h} from './dom.js';

const DAY = 86400000;
const MARGIN = {left: 30, right: 10, top: 8, bottom: 20};

function toTime(d) {           // "2024", "2024-03" or "2024-03-11" -> ms (the first day)
  const [y, m = '01', day = '01'] = d.split('-');
  return Date.UTC(+y, +m - 1, +day);
}
function iso(t) { return new Date(t).toISOString().slice(0, 10); }

export function createTimeline(el, onBrush) {
  let data = null;
  let range = null;    // [since, until] as ISO days, or null

  function draw() {
    clear(el);
    const width = Math.max(200, el.clientWidth || 600);
    const height = Math.max(80, el.clientHeight || 110);
    if (!data || !data.items.length) {
      el.append(h('p', {class: 'muted empty', text: 'No dated claims under these filters.'}));
      return;
    }
    let t0 = toTime(data.first), t1 = toTime(data.last);
    for (const it of data.items) { const t = toTime(it.date); if (t < t0) t0 = t; if (t > t1) t1 = t; }
    t1 += DAY;
    const span = Math.max(t1 - t0, 7 * DAY);
    const monthly = span > 150 * DAY;
    const bins = new Map();
    for (const it of data.items) {
      const key = monthly ? it.date.slice(0, 7) : (it.date.length >= 10 ? it.date : it.date.slice(0, 7) + '-01');
      bins.set(key, (bins.get(key) || 0) + it.count);
    }
    const start = monthly ? Date.UTC(new Date(t0).getUTCFullYear(), new Date(t0).getUTCMonth(), 1) : t0;
    const end = monthly ? Date.UTC(new Date(t1).getUTCFullYear(), new Date(t1).getUTCMonth() + 1, 1) : t1;
    const w = width - MARGIN.left - MARGIN.right, hgt = height - MARGIN.top - MARGIN.bottom;
    const x = (t) => MARGIN.left + (t - start) / (end - start) * w;
    const xinv = (px) => start + (px - MARGIN.left) / w * (end - start);
    const max = Math.max(...bins.values());
    const root = svg('svg', {width, height, class: 'timeline-svg', role: 'img',
                             'aria-label': `Claims over time, ${monthly ? 'by month' : 'by day'}`});
    root.append(svg('text', {x: 2, y: MARGIN.top + 8, class: 'axis', text: String(max)}));
    for (const [key, n] of bins) {
      const a = toTime(key);
      const b = monthly ? Date.UTC(new Date(a).getUTCFullYear(), new Date(a).getUTCMonth() + 1, 1) : a + DAY;
      const bh = Math.max(1, n / max * hgt);
      const inRange = !range || (iso(a) <= range[1] && iso(b - DAY) >= range[0]);
      root.append(svg('rect', {x: x(a) + 0.5, y: MARGIN.top + hgt - bh, width: Math.max(1, x(b) - x(a) - 1), height: bh,
                               class: inRange ? 'bar' : 'bar out'},
                      svg('title', {text: `${key}: ${n} claim${n === 1 ? '' : 's'}`})));
    }
    // Axis: a label per month (or per year when there are many months).
    const months = [];
    for (let d = new Date(start); d.getTime() <= end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      months.push(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    }
    const every = Math.ceil(months.length / Math.max(1, Math.floor(w / 60)));
    months.forEach((t, i) => {
      if (t < start || i % every) return;
      root.append(svg('line', {x1: x(t), x2: x(t), y1: MARGIN.top + hgt, y2: MARGIN.top + hgt + 4, class: 'tick'}));
      root.append(svg('text', {x: x(t) + 2, y: height - 4, class: 'axis', text: iso(t).slice(0, 7)}));
    });
    root.append(svg('line', {x1: MARGIN.left, x2: width - MARGIN.right, y1: MARGIN.top + hgt, y2: MARGIN.top + hgt,
                             class: 'baseline'}));
    const brush = svg('rect', {class: 'brush', y: MARGIN.top, height: hgt, x: 0, width: 0});
    if (range) {
      const a = Math.max(MARGIN.left, x(toTime(range[0]))), b = Math.min(width - MARGIN.right, x(toTime(range[1]) + DAY));
      brush.setAttribute('x', a); brush.setAttribute('width', Math.max(2, b - a));
    }
    root.append(brush);
    // The brush: drag across the bars to choose a range; a click without dragging clears it.
    const overlay = svg('rect', {class: 'overlay', x: MARGIN.left, y: 0, width: w, height});
    root.append(overlay);
    let from = null;
    const px = (ev) => ev.clientX - root.getBoundingClientRect().left;
    overlay.addEventListener('pointerdown', (ev) => {
      from = px(ev); overlay.setPointerCapture(ev.pointerId);
      brush.setAttribute('x', from); brush.setAttribute('width', 0);
    });
    overlay.addEventListener('pointermove', (ev) => {
      if (from === null) return;
      const cur = Math.min(Math.max(px(ev), MARGIN.left), width - MARGIN.right);
      brush.setAttribute('x', Math.min(from, cur)); brush.setAttribute('width', Math.abs(cur - from));
    });
    overlay.addEventListener('pointerup', (ev) => {
      if (from === null) return;
      const to = Math.min(Math.max(px(ev), MARGIN.left), width - MARGIN.right);
      const a = Math.min(from, to), b = Math.max(from, to);
      from = null;
      if (b - a < 3) { setRange(null); return; }
      setRange([iso(xinv(a)), iso(xinv(b) - 1)]);
    });
    el.append(root);
  }

  function setRange(r, {silent = false} = {}) {
    range = r;
    draw();
    if (!silent) onBrush(r);
  }

  window.addEventListener('resize', () => draw());
  return {
    update(d) { data = d; draw(); },
    setRange,
  };
}
