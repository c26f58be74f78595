// Small DOM and formatting helpers shared by the pages. Text is always set with textContent: nothing the engine
// answers is ever parsed as HTML.

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function setText(id, value) {
  $(id).textContent = value;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * A rate as the engine answers it (a fraction with at most 4 decimals) as a percentage with 2 decimals, which
 * keeps every digit: 0.5714 is 57.14%. null (no denominator) is a dash.
 */
export function percent(rate) {
  if (rate === null || rate === undefined) return '–';
  return (Math.round(rate * 10000) / 100).toFixed(2) + '%';
}

export function count(n) {
  return n === null || n === undefined ? '–' : String(n);
}

/** An instant as the engine answers it, shortened for people: 2026-11-20 10:00:00 UTC. */
export function when(instant) {
  if (!instant) return '–';
  return instant.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** An ISO-8601 duration (PT3H12M5S) in words. */
export function duration(iso) {
  if (!iso) return '–';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return iso;
  const parts = [];
  if (m[1]) parts.push(m[1] + ' d');
  if (m[2]) parts.push(m[2] + ' h');
  if (m[3]) parts.push(m[3] + ' min');
  if (m[4]) parts.push(m[4] + ' s');
  return (parts.length ? parts.join(' ') : '0 s') + ' (' + iso + ')';
}

export function json(value) {
  return JSON.stringify(value, null, 2);
}
