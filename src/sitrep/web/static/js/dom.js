// DOM helpers. Text from reports is only ever set with textContent / text nodes: never as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// Only in-page links (#...) and our own API paths: nothing from a report ever becomes a link target.
function safeHref(v) {
  const s = String(v);
  return (s.startsWith('#') || s.startsWith('/')) && !s.startsWith('//') ? s : '#';
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function $(sel) { return document.querySelector(sel); }

export const PRECISION = {1: 'exact', 2: 'near / part of', 3: 'region only'};

export function typeBadge(type) {
  return h('span', {class: `badge t-${cssName(type)}`, text: type});
}

export function statusBadge(status) {
  return h('span', {class: `status s-${cssName(status)}`, text: status});
}

export function cssName(s) { return String(s || '').toLowerCase().replace(/[^a-z0-9_-]/g, '_'); }
