// One marker per event type: a colour (in app.css, class t-<type>) and a two-letter glyph.
export const GLYPHS = {
  movement: 'MV', transfer: 'TR', meeting: 'MT', training: 'TN', recruitment: 'RC', directive: 'DR',
  posture: 'PS', attack: 'AT', seizure: 'SZ', agreement: 'AG', establishment: 'ES', arrest: 'AR',
};
export function glyph(type) { return GLYPHS[type] || String(type || '?').slice(0, 2).toUpperCase(); }
