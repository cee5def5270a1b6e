// Elements built from data: every string becomes a text node, never HTML, so what other users typed (terms,
// chat, names) cannot inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'className') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function toast(text, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h('div', { className: 'toast ' + kind, role: kind === 'error' ? 'alert' : null }, text);
  box.appendChild(item);
  setTimeout(() => item.remove(), 6000);
}

/** The value of a form field by name. */
export function field(form, name) {
  return form.elements[name].value.trim();
}
