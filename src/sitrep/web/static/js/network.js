// The actor network: the actor at the centre, the actors it appears with around it (SVG, deterministic layout).
import {svg, h} from './dom.js';

export function drawNetwork(network, onPick, width = 360, height = 300) {
  const nodes = network.nodes;
  if (nodes.length <= 1) return h('p', {class: 'muted', text: 'It appears with no other actor in these claims.'});
  const cx = width / 2, cy = height / 2, R = Math.min(width, height) / 2 - 48;
  const max = Math.max(...nodes.map((n) => n.claims));
  const pos = new Map();
  pos.set(nodes[0].id, [cx, cy]);
  const others = nodes.slice(1);
  others.forEach((n, i) => {
    const a = -Math.PI / 2 + i * 2 * Math.PI / others.length;
    pos.set(n.id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
  });
  const maxW = Math.max(...network.edges.map((e) => e.weight), 1);
  const root = svg('svg', {width, height, viewBox: `0 0 ${width} ${height}`, class: 'network', role: 'img',
                           'aria-label': 'Actors appearing in the same claims'});
  for (const e of network.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    const central = e.source === nodes[0].id || e.target === nodes[0].id;
    root.append(svg('line', {x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: central ? 'edge' : 'edge side',
                             'stroke-width': 1 + 4 * e.weight / maxW},
                    svg('title', {text: `${e.source} — ${e.target}: ${e.weight} claim${e.weight === 1 ? '' : 's'}`})));
  }
  nodes.forEach((n, i) => {
    const [x, y] = pos.get(n.id);
    const r = 5 + 10 * Math.sqrt(n.claims / max);
    const g = svg('g', {class: i === 0 ? 'node center' : 'node', tabindex: i === 0 ? null : 0,
                        onclick: i === 0 ? null : () => onPick(n.id),
                        onkeydown: i === 0 ? null : (ev) => { if (ev.key === 'Enter') onPick(n.id); }});
    g.append(svg('circle', {cx: x, cy: y, r}), svg('title', {text: `${n.id}: ${n.claims} claim${n.claims === 1 ? '' : 's'}`}));
    const label = n.id.length > 26 ? n.id.slice(0, 25) + '…' : n.id;
    const anchor = i === 0 ? 'middle' : x < cx - 5 ? 'end' : x > cx + 5 ? 'start' : 'middle';
    const dx = i === 0 ? 0 : anchor === 'end' ? -r - 3 : anchor === 'start' ? r + 3 : 0;
    const dy = i === 0 ? r + 12 : anchor === 'middle' ? (y < cy ? -r - 4 : r + 12) : 4;
    g.append(svg('text', {x: x + dx, y: y + dy, 'text-anchor': anchor, text: label}));
    root.append(g);
  });
  return root;
}
