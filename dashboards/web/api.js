// api fetches a JSON API path; errors carry the API's {"error": …} message.
import { lang } from "./i18n.js";

export async function api(path, params = {}) {
  const q = new URLSearchParams(params);
  if (lang === "fr") q.set("lang", "fr");
  const res = await fetch(`/api/v1/${path}?${q}`, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
  return body;
}

export const $ = (id) => document.getElementById(id);

export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export function cell(tr, text, cls) {
  const td = el("td", text, cls);
  tr.appendChild(td);
  return td;
}

// headerCell is a row header (scope=row) for the first column of a table.
export function headerCell(tr, content) {
  const th = el("th");
  th.scope = "row";
  if (typeof content === "string") th.textContent = content;
  else th.appendChild(content);
  tr.appendChild(th);
  return th;
}
