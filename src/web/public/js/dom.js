// Small DOM helpers. Every piece of text from the API goes in through text nodes, never innerHTML.

/**
 * Build an element: h('a', { href: '/ny', class: 'button' }, 'Ny høring').
 * Attributes: `class`, `dataset` (object), `on` (object of listeners), booleans set or omit the attribute,
 * anything else via setAttribute. Children: strings, nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Tell screen reader users something that happened without moving focus. */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  // A fresh text node after a tick makes repeated identical messages heard again.
  setTimeout(() => (el.textContent = message), 50);
}

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/** "2024-12-05" → "5. desember 2024"; "2023" stays "2023"; anything else is shown as given. */
export function formatDate(value) {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y;
  if (!d) return `${MONTHS[Number(mo) - 1]} ${y}`;
  return `${Number(d)}. ${MONTHS[Number(mo) - 1]} ${y}`;
}

/** An ISO timestamp as local date and time: "23. november 2025 kl. 14.05". */
export function formatTimestamp(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso ?? '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getDate()}. ${MONTHS[t.getMonth()]} ${t.getFullYear()} kl. ${pad(t.getHours())}.${pad(t.getMinutes())}`;
}

/** Replace an element's children; like replaceChildren, but skips null/false and flattens arrays. */
export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}
