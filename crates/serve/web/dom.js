// A tiny element builder. Text from the news is only ever put in text nodes (never innerHTML).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "style") el.style.cssText = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// An SVG element (charts): attributes set as given, children appended (text as text nodes).
const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// Text in any language, isolated from its surroundings (Arabic inside a French line and back).
export const bdi = (text, lang) => h("bdi", { lang: lang || undefined }, text ?? "");

// A link target from the news only if it is a web address: a stored document's URL is input,
// and a `javascript:` one must never become a clickable link.
export function webUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

// A loading, empty or error state in `box` (an element the CSS shows over or in its area):
// kind "loading" | "empty" | "error" | null (hidden). An error offers a retry button.
export function showState(box, kind, { title = "", message = "", retry = null, retryLabel = "", action = null } = {}) {
  if (!kind) {
    box.hidden = true;
    box.replaceChildren();
    delete box.dataset.state;
    return;
  }
  box.hidden = false;
  box.dataset.state = kind;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  const parts = [
    kind === "loading" ? h("span", { class: "spinner", "aria-hidden": "true" }) : null,
    title ? h("strong", { class: "state-title" }, title) : null,
    message ? h("span", { class: "state-message", dir: "auto" }, message) : null,
    retry ? h("button", { type: "button", class: "primary", "data-testid": "retry", onclick: retry }, retryLabel) : null,
    action ? h("button", { type: "button", onclick: action.onclick }, action.label) : null,
  ];
  box.replaceChildren(...parts.filter(Boolean));
}
