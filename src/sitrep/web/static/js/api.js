// The API client: JSON in and out, the token from the settings, readable errors.

const KEY = 'sitrep.settings';

export function settings() {
  try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; }
}

export function saveSettings(s) { localStorage.setItem(KEY, JSON.stringify(s)); }

function headers(extra = {}) {
  const out = {...extra};
  const token = settings().token;
  if (token) out['Authorization'] = `Bearer ${token}`;
  return out;
}

async function check(res) {
  if (res.ok) return res;
  let detail = `${res.status} ${res.statusText}`;
  try { const body = await res.json(); if (body && body.detail) detail = String(body.detail); } catch { /* not JSON */ }
  const err = new Error(detail);
  err.status = res.status;
  throw err;
}

export async function get(path, params) {
  const url = params ? `${path}?${params}` : path;
  const res = await check(await fetch(url, {headers: headers({Accept: 'application/json'})}));
  return res.json();
}

export async function post(path, body) {
  const res = await check(await fetch(path, {method: 'POST', body: JSON.stringify(body),
    headers: headers({'Content-Type': 'application/json', Accept: 'application/json'})}));
  return res.json();
}

export async function upload(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await check(await fetch('/api/reports', {method: 'POST', body: form, headers: headers()}));
  return res.json();
}

export async function download(path, params) {
  const res = await check(await fetch(`${path}?${params}`, {headers: headers()}));
  const disposition = res.headers.get('Content-Disposition') || '';
  const m = /filename="([^"]+)"/.exec(disposition);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = m ? m[1] : 'sitrep-export';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
