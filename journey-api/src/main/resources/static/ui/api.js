// Every call to the engine goes through here: the key from sessionStorage as a Bearer token, JSON back, and a
// refusal turned into an ApiError whose message says what to do about it.

const KEY = 'journey.apiKey';

export function key() {
  return sessionStorage.getItem(KEY);
}

export function setKey(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, code, message, problem) {
    super(message);
    this.status = status;
    this.code = code;
    this.problem = problem;
  }
}

/** The role each part of the API asks for, to say so when a key lacks it. */
function roleFor(path) {
  if (path.startsWith('/api/analytics')) return 'ANALYST';
  if (path.startsWith('/api/admin')) return 'ADMIN';
  if (/^\/api\/customers\/[^/?]+\/(events|state)/.test(path)) return 'DEVELOPER';
  if (/^\/api\/customers(\?|$)/.test(path)) return 'ANALYST or AGENT';
  if (path.startsWith('/api/customers')) return 'AGENT';
  return 'another';
}

/**
 * A reviver that keeps a number written with more digits than JavaScript keeps (money with its scale, 89.90) as
 * it was written, so that showing it again shows what the engine stored. Where the browser lacks JSON.rawJSON the
 * number is read as usual.
 */
function exactNumbers(key, value, context) {
  if (typeof value === 'number' && context && typeof JSON.rawJSON === 'function'
      && context.source !== String(value)) {
    return JSON.rawJSON(context.source);
  }
  return value;
}

/** GET (or options.method) a path of the engine's API; options.exactNumbers: see exactNumbers. */
export async function api(path, options = {}) {
  const current = key();
  if (!current) {
    throw new ApiError(401, 'NO_KEY', 'Enter an API key first.');
  }
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers: { 'Authorization': 'Bearer ' + current, 'Accept': 'application/json' },
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text, options.exactNumbers ? exactNumbers : undefined) : null;
  } catch (notJson) {
    body = null;
  }
  if (response.ok) {
    return body;
  }
  const code = body && body.code ? body.code : 'HTTP_' + response.status;
  const detail = body && (body.detail || body.title) ? (body.detail || body.title) : response.statusText;
  if (response.status === 401) {
    throw new ApiError(401, code, `The engine did not accept this key (401 ${code}). Enter a valid API key.`, body);
  }
  if (response.status === 403) {
    throw new ApiError(403, code, `This key may not read ${path.split('?')[0]}: it needs the ${roleFor(path)} role `
      + `(403 ${code}). Enter a key with that role.`, body);
  }
  throw new ApiError(response.status, code, `${detail} (${response.status} ${code})`, body);
}

/** A query string of the parameters that have a value. */
export function query(params) {
  const parts = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v));
  return parts.length ? '?' + parts.join('&') : '';
}
