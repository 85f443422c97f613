// skillpulse dashboard: plain JS against the JSON API, no build step.
"use strict";

const $ = (id) => document.getElementById(id);

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
  return body;
}

function pct(x) { return (x * 100).toFixed(1) + "%"; }

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function cell(tr, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

async function loadChoices() {
  const [occ, reg] = await Promise.all([api("/api/v1/occupations"), api("/api/v1/regions")]);
  const sel = $("occupation");
  for (const o of occ.occupations) sel.appendChild(option(o.code, `${o.code} ${o.title} (${o.postings})`));
  const rs = $("region");
  rs.appendChild(option("CA", "Canada"));
  for (const p of reg.provinces) {
    rs.appendChild(option(p.code, p.name));
    for (const r of reg.regions.filter((r) => r.province === p.code)) rs.appendChild(option(r.code, "  " + r.name));
  }
}

function render(p) {
  $("title").textContent = `${p.occupation.title} (NOC ${p.occupation.code}) — ${p.scope_name}, ${p.period}`;
  const range = p.from ? ` collected between ${p.from.slice(0, 10)} and ${p.to.slice(0, 10)}` : "";
  $("summary").textContent = `Job postings: ${p.postings}${range}.` +
    (p.trend && p.trend.previous_postings != null ? ` Previous period: ${p.trend.previous_postings}.` : "");
  $("flags").textContent = (p.flags || []).length ? "Note: " + p.flags.join(", ").replaceAll("_", " ") : "";
  const rb = $("regions").querySelector("tbody");
  rb.replaceChildren();
  for (const r of p.regions || []) {
    const tr = document.createElement("tr");
    cell(tr, r.name || r.code);
    cell(tr, String(r.count), "num");
    const td = cell(tr, "", "num");
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = Math.round(r.share * 120) + "px";
    td.append(bar, pct(r.share));
    rb.appendChild(tr);
  }
  const sb = $("skills").querySelector("tbody");
  sb.replaceChildren();
  for (const s of p.top_skills || []) {
    const tr = document.createElement("tr");
    cell(tr, s.label);
    cell(tr, s.type);
    cell(tr, pct(s.share), "num");
    cell(tr, s.change == null ? "new" : (s.change >= 0 ? "+" : "") + (s.change * 100).toFixed(1) + " pts", "num");
    sb.appendChild(tr);
  }
  if (p.suppressed) {
    sb.replaceChildren();
    const tr = document.createElement("tr");
    cell(tr, `Fewer than ${p.min_count} postings: skill figures withheld.`).colSpan = 4;
    sb.appendChild(tr);
  }
  const w = p.wages;
  $("wages").textContent = w && w.count ? `$${w.low.toFixed(2)} low · $${w.median.toFixed(2)} median · $${w.high.toFixed(2)} high (${w.count} postings with a wage)` : "No wage data.";
  $("profile").hidden = false;
}

async function show() {
  const q = new URLSearchParams({ region: $("region").value || "CA" });
  if ($("period").value.trim()) q.set("period", $("period").value.trim());
  const occ = $("occupation").value;
  history.replaceState(null, "", `?occupation=${encodeURIComponent(occ)}&${q}`);
  try {
    $("error").hidden = true;
    render(await api(`/api/v1/occupations/${encodeURIComponent(occ)}/profile?${q}`));
  } catch (e) {
    $("profile").hidden = true;
    $("error").textContent = e.message;
    $("error").hidden = false;
  }
}

// lookup lists the likeliest occupations of a job title; choosing one with
// postings shows its profile.
async function lookup() {
  const title = $("job-title").value.trim();
  const list = $("candidates");
  try {
    $("error").hidden = true;
    const c = await api(`/api/v1/occupations/code?${new URLSearchParams({ title, candidates: 5 })}`);
    list.replaceChildren();
    for (const r of c.candidates) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      const known = [...$("occupation").options].some((o) => o.value === r.code);
      b.textContent = `${r.code} ${r.title} — ${pct(r.confidence)}` + (known ? "" : " (no postings)");
      b.disabled = !known;
      b.addEventListener("click", () => { $("occupation").value = r.code; show(); });
      li.appendChild(b);
      list.appendChild(li);
    }
    if (!c.candidates.length) list.appendChild(document.createElement("li")).textContent = "No occupation matches this title.";
    list.hidden = false;
  } catch (e) {
    list.hidden = true;
    $("error").textContent = e.message;
    $("error").hidden = false;
  }
}

async function main() {
  try {
    await loadChoices();
  } catch (e) {
    $("error").textContent = "Cannot load choices: " + e.message;
    $("error").hidden = false;
    return;
  }
  const u = new URLSearchParams(location.search);
  if (u.get("occupation")) $("occupation").value = u.get("occupation");
  if (u.get("region")) $("region").value = u.get("region");
  if (u.get("period")) $("period").value = u.get("period");
  $("query").addEventListener("submit", (ev) => { ev.preventDefault(); show(); });
  $("lookup").addEventListener("submit", (ev) => { ev.preventDefault(); lookup(); });
  if ($("occupation").value) show();
}

main();
