// skillpulse dashboard: ES modules against the JSON API, no build step.
import { api, $, el } from "./api.js";
import { t, lang, applyStatic, pct } from "./i18n.js";
import * as charts from "./charts.js";
import { renderProfile, renderEmployers, renderPosting, renderCompare, renderSeries } from "./views.js";

let regionsData = null;
const scope = () => ({ region: $("region").value || "CA", period: $("period").value.trim() });
const params = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));

function fail(e, hide) {
  for (const id of hide) $(id).hidden = true;
  $("error").textContent = e.message;
  $("error").hidden = false;
}

// fillOccupations lists the occupations with their postings in the chosen
// region and period; the current choice stays, marked, when it has none.
async function fillOccupations() {
  const sel = $("occupation");
  const keep = sel.value || new URLSearchParams(location.search).get("occupation");
  const occ = await api("occupations", params(scope()));
  sel.replaceChildren();
  for (const o of occ.occupations) sel.appendChild(new Option(`${o.code} ${o.title} (${o.postings})`, o.code));
  if (keep && ![...sel.options].some((o) => o.value === keep)) {
    const o = new Option(`${keep} ${t.notCounted}`, keep);
    o.className = "none";
    sel.appendChild(o);
  }
  if (keep) sel.value = keep;
}

// fillRegions lists Canada, then the provinces (with their economic regions)
// that have postings in the period; the others are left out.
async function fillRegions() {
  const rs = $("region");
  const keep = rs.value || new URLSearchParams(location.search).get("region") || "CA";
  regionsData ||= await api("regions");
  const per = $("period").value.trim();
  const counts = await Promise.all(regionsData.provinces.map((p) =>
    api("occupations", params({ region: p.code, period: per }))
      .then((o) => o.occupations.reduce((n, x) => n + x.postings, 0))));
  rs.replaceChildren(new Option(t.canada, "CA"));
  regionsData.provinces.forEach((p, i) => {
    if (counts[i] === 0 && p.code !== keep) return;
    rs.appendChild(new Option(`${p.name} (${counts[i]})`, p.code));
    for (const r of regionsData.regions.filter((r) => r.province === p.code)) rs.appendChild(new Option("\u00a0\u00a0" + r.name, r.code));
  });
  rs.value = [...rs.options].some((o) => o.value === keep) ? keep : "CA";
}

function setExports(occ, q) {
  for (const f of ["html", "csv", "json"]) {
    const p = new URLSearchParams(params({ ...q, format: f }));
    if (lang === "fr") p.set("lang", "fr");
    $("export-" + f).href = `/api/v1/occupations/${encodeURIComponent(occ)}/report?${p}`;
  }
}

async function show() {
  const occ = $("occupation").value;
  const q = params(scope());
  const u = new URLSearchParams({ occupation: occ, ...q });
  if (new URLSearchParams(location.search).get("lang")) u.set("lang", lang);
  history.replaceState(null, "", "?" + u);
  $("drill").hidden = true;
  try {
    $("error").hidden = true;
    const base = `occupations/${encodeURIComponent(occ)}`;
    const [p, trend, skills, emp] = await Promise.all([
      api(base + "/profile", q),
      api(base + "/trend", { region: q.region, interval: "month" }),
      api(base + "/trend", { region: q.region, interval: "quarter", skills: 3 }),
      api(base + "/employers", q),
    ]);
    renderProfile(p, drill);
    renderEmployers(emp);
    renderSeries(trend, skills);
    setExports(occ, q);
    $("profile").hidden = false;
    charts.trendChart(trend.points || []);
    charts.regionsChart(p.regions || []);
    charts.skillChart(skills.points || []);
  } catch (e) {
    fail(e, ["profile"]);
  }
}

// drill lists the postings asking for a skill, with the sentences that
// matched and every board the posting was seen on.
let drillState = null;
async function drill(skill, more) {
  if (!more) drillState = { skill, cursor: "" };
  const q = params({ noc: $("occupation").value, skill: skill.id, ...scope(), limit: 10, cursor: drillState.cursor });
  try {
    const page = await api("postings", q);
    const list = $("drill-list");
    if (!more) {
      list.replaceChildren();
      $("drill-title").textContent = t.drillTitle(skill.label);
    }
    for (const po of page.postings || []) list.appendChild(renderPosting(po, skill.id, (id) => api("postings/" + encodeURIComponent(id))));
    if (!list.children.length) list.appendChild(el("li", t.noPostings));
    drillState.cursor = page.next_cursor || page.cursor || "";
    $("drill-more").hidden = !drillState.cursor;
    $("drill").hidden = false;
    if (!more) $("drill").focus();
  } catch (e) {
    fail(e, ["drill"]);
  }
}

async function compare() {
  try {
    $("error").hidden = true;
    const regions = $("compare-regions").value.replace(/\s+/g, "");
    renderCompare(await api("compare", params({ noc: $("occupation").value, regions, period: scope().period })));
  } catch (e) {
    fail(e, ["compare-table"]);
  }
}

// lookup lists the likeliest occupations of a job title; choosing one with
// postings shows its profile.
async function lookup() {
  const list = $("candidates");
  try {
    $("error").hidden = true;
    const c = await api("occupations/code", { title: $("job-title").value.trim(), candidates: 5 });
    list.replaceChildren();
    for (const r of c.candidates) {
      const b = el("button", null, "link");
      b.type = "button";
      const known = [...$("occupation").options].some((o) => o.value === r.code && !o.classList.contains("none"));
      b.textContent = `${r.code} ${r.title} — ${pct(r.confidence)}` + (known ? "" : t.noPostingsOcc);
      b.disabled = !known;
      b.addEventListener("click", () => { $("occupation").value = r.code; show(); });
      list.appendChild(el("li")).appendChild(b);
    }
    if (!c.candidates.length) list.appendChild(el("li", t.noMatch));
    list.hidden = false;
  } catch (e) {
    fail(e, ["candidates"]);
  }
}

async function main() {
  applyStatic();
  if (!charts.available()) {
    $("charts-note").hidden = false;
    $("trend-details").open = $("skill-details").open = true;
  }
  const u = new URLSearchParams(location.search);
  if (u.get("period")) $("period").value = u.get("period");
  try {
    await fillRegions();
    await fillOccupations();
  } catch (e) {
    fail(new Error(t.cannotLoad + e.message), []);
    return;
  }
  // The occupation counts follow the region and period chosen. A period the
  // API refuses leaves the lists as they were; the profile shown no longer
  // answers the query, so it goes with the message.
  $("region").addEventListener("change", () => fillOccupations().catch((e) => fail(e, ["profile", "drill"])));
  $("period").addEventListener("change", () => fillRegions().then(fillOccupations).catch((e) => fail(e, ["profile", "drill"])));
  $("query").addEventListener("submit", (ev) => { ev.preventDefault(); show(); });
  $("lookup").addEventListener("submit", (ev) => { ev.preventDefault(); lookup(); });
  $("compare-form").addEventListener("submit", (ev) => { ev.preventDefault(); compare(); });
  $("drill-more").addEventListener("click", () => drill(drillState.skill, true));
  if ($("occupation").value) show();
}

main();
