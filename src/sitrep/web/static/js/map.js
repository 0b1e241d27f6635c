// The map: Natural Earth basemap served by sitrep itself, a marker per event type (clustered), routes for
// movements and transfers, and honest precision: a region-level place is an area, never a precise point.
import {h, cssName, PRECISION} from './dom.js';
import {glyph} from './types.js';

const L = window.L;
const REGION_RADIUS_M = 40000;   // the drawn extent of a region-level (precision 3) location
const NEAR_RADIUS_M = 8000;

export function createMap(el, config, onSelect) {
  const map = L.map(el, {zoomControl: true, preferCanvas: false, worldCopyJump: false, minZoom: 2, maxZoom: 14,
                         attributionControl: true});
  map.attributionControl.setPrefix('Leaflet');
  map.setView([34.5, 40.5], 6);
  if (config.tiles) {
    L.tileLayer(config.tiles, {attribution: config.tiles_attribution || '', maxZoom: 18}).addTo(map);
  }
  // The basemap in its own pane under the overlays, so that it never covers claims whatever order it loads in.
  map.createPane('basemap');
  map.getPane('basemap').style.zIndex = 250;
  const base = L.layerGroup().addTo(map);
  loadBasemap(base, !!config.tiles);
  map.attributionControl.addAttribution('Boundaries: Natural Earth');

  const regions = L.layerGroup().addTo(map);     // precision 3: areas, not points
  const routes = L.layerGroup().addTo(map);
  const cluster = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 11,
                                        spiderfyOnMaxZoom: true});
  map.addLayer(cluster);
  const byId = new Map();
  let selected = null;

  function clearAll() {
    cluster.clearLayers(); routes.clearLayers(); regions.clearLayers(); byId.clear();
  }

  function render(fc, {fit = false} = {}) {
    clearAll();
    const markers = [];
    for (const f of fc.features) {
      const p = f.properties;
      if (f.geometry.type === 'LineString') {
        const latlngs = f.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
        const line = L.polyline(latlngs, {className: `route route-${cssName(p.type || 'movement')}` +
            (p.approximate ? ' approximate' : ''), weight: 3, opacity: 0.8, dashArray: p.approximate ? '6 6' : null});
        // Tooltips get a DOM node: Leaflet would set a string as HTML, and place names come from reports.
        line.bindTooltip(h('span', {text: `route: ${p.places.join(' → ')}${p.approximate ? ' (approximate)' : ''}`}),
                         {sticky: true});
        line.on('click', () => onSelect(p.id));
        routes.addLayer(line);
        const end = latlngs[latlngs.length - 1];
        routes.addLayer(L.circleMarker(end, {radius: 4, className: 'route-end', interactive: false}));
        continue;
      }
      const [lon, lat] = f.geometry.coordinates;
      const label = `${p.type} · ${p.date || 'undated'} · ${PRECISION[p.precision] || ''}`;
      if (p.precision >= 3) {
        // Region-level: a dashed area with no centre point, so it is never read as a precise location.
        const area = L.circle([lat, lon], {radius: REGION_RADIUS_M, className: `region-area t-${cssName(p.type)}`,
                                           weight: 1.5, dashArray: '4 4', fillOpacity: 0.08});
        area.bindTooltip(h('span', {text: `${label} (region-level: not a precise point)`}), {sticky: true});
        area.on('click', () => onSelect(p.id));
        area.claimId = p.id;
        regions.addLayer(area);
        byId.set(p.id, area);
        continue;
      }
      const inner = h('span', {class: 'glyph', text: glyph(p.type), dataset: {claimId: p.id, type: p.type}});
      const icon = L.divIcon({html: inner, className: `mk t-${cssName(p.type)} prec-${p.precision}` +
                                (p.status === 'rejected' ? ' rejected' : '') + (p.modality === 'planned' ? ' planned' : ''),
                              iconSize: [26, 26], iconAnchor: [13, 13]});
      const m = L.marker([lat, lon], {icon, title: label, keyboard: true, riseOnHover: true});
      m.claimId = p.id;
      m.on('click', () => onSelect(p.id));
      markers.push(m);
      byId.set(p.id, m);
    }
    cluster.addLayers(markers);
    if (fit) {
      const group = L.featureGroup([...markers, ...regions.getLayers()]);
      const b = group.getBounds();
      if (b.isValid()) map.fitBounds(b.pad(0.2), {maxZoom: 8});
    }
  }

  function highlight(claimId, latlng, precision) {
    if (selected) { map.removeLayer(selected); selected = null; }
    if (!latlng) return;
    const radius = precision >= 3 ? REGION_RADIUS_M : precision === 2 ? NEAR_RADIUS_M : 1500;
    selected = L.circle(latlng, {radius, className: 'selected-area', weight: 2, fill: false, interactive: false})
      .addTo(map);
  }

  return {map, render, highlight, invalidate: () => map.invalidateSize()};
}

async function loadBasemap(group, withTiles) {
  const layers = [
    ['countries', {className: 'ne-country', weight: 0.8, fillOpacity: withTiles ? 0 : 1}],
    ['admin1', {className: 'ne-admin1', weight: 0.5, fill: false}],
    ['borders', {className: 'ne-border', weight: 1.4, fill: false}],
  ];
  for (const [name, style] of layers) {
    try {
      const res = await fetch(`/static/basemap/${name}.geojson`);
      const data = await res.json();
      L.geoJSON(data, {style: () => style, interactive: false, pane: 'basemap'}).addTo(group);
    } catch (e) {
      console.warn('basemap layer', name, e);
    }
  }
}
