// Renderers of the profile's tables, the skill drill-down and the comparison.
import { $, el, cell, headerCell } from "./api.js";
import { t, pct } from "./i18n.js";

const day = (s) => (s || "").slice(0, 10);

function change(s) {
  if (s.change == null) return t.newSkill;
  return (s.change >= 0 ? "+" : "") + (s.change * 100).toFixed(1) + " " + t.pts;
}

export function renderProfile(p, onSkill) {
  $("title").textContent = `${p.occupation.title} (NOC ${p.occupation.code}) — ${p.scope_name}, ${p.period}`;
  $("summary").textContent = t.postingsSummary(p.postings, day(p.from), day(p.to)) +
    (p.trend && p.trend.previous_postings != null ? t.previous(p.trend.previous_postings) : "");
  const notes = (p.flags || []).map((f) => t.flag[f] || f.replaceAll("_", " "));
  if (p.low_confidence_share > 0) notes.push(t.lowConfidence(pct(p.low_confidence_share)));
  $("flags").textContent = notes.length ? t.note + notes.join(" · ") : "";

  const rb = $("regions").querySelector("tbody");
  rb.replaceChildren();
  for (const r of (p.regions || []).filter((r) => r.count > 0)) {
    const tr = el("tr");
    headerCell(tr, r.name || r.code);
    cell(tr, String(r.count), "num");
    const td = cell(tr, "", "num");
    const bar = el("span", null, "bar");
    bar.style.width = (r.share * 5).toFixed(2) + "rem";
    bar.setAttribute("aria-hidden", "true");
    td.append(bar, pct(r.share));
    rb.appendChild(tr);
  }

  const sb = $("skills").querySelector("tbody");
  const db = $("distinctive").querySelector("tbody");
  sb.replaceChildren();
  db.replaceChildren();
  const skillButton = (s) => {
    const b = el("button", s.label, "link");
    b.type = "button";
    b.dataset.skill = s.id;
    b.addEventListener("click", () => onSkill(s));
    return b;
  };
  if (p.suppressed) {
    const tr = el("tr");
    cell(tr, t.withheld(p.min_count)).colSpan = 4;
    sb.appendChild(tr);
  }
  for (const s of p.suppressed ? [] : p.top_skills || []) {
    const tr = el("tr");
    headerCell(tr, skillButton(s));
    cell(tr, t.type[s.type] || s.type);
    cell(tr, pct(s.share), "num");
    cell(tr, change(s), "num");
    sb.appendChild(tr);
  }
  for (const s of p.suppressed ? [] : p.distinctive_skills || []) {
    const tr = el("tr");
    headerCell(tr, skillButton(s));
    cell(tr, pct(s.share), "num");
    cell(tr, "×" + s.distinctiveness.toFixed(1), "num");
    db.appendChild(tr);
  }
  const w = p.wages;
  $("wages").textContent = w && w.count ? t.wages(w.low.toFixed(2), w.median.toFixed(2), w.high.toFixed(2), w.count) : t.noWages;
}

export function renderEmployers(e) {
  const tb = $("employers").querySelector("tbody");
  tb.replaceChildren();
  for (const r of e.employers || []) {
    const tr = el("tr");
    headerCell(tr, r.name);
    cell(tr, String(r.postings), "num");
    cell(tr, pct(r.share), "num");
    tb.appendChild(tr);
  }
  $("employers").hidden = !(e.employers || []).length;
  $("employers-note").textContent = (e.employers || []).length ? t.employersNote(e.other, e.unnamed, e.min_count) :
    t.noEmployers + " " + t.employersNote(e.other, e.unnamed, e.min_count);
}

// highlight puts the matched words of an evidence sentence in <mark>. The
// API's start/end are offsets in the posting's text (markText uses them);
// in the sentence the match is found by its text.
export function highlight(ev) {
  const p = el("p", null, "evidence");
  const s = ev.sentence || ev.text;
  const n = ev.end - ev.start;
  let i = s.toLowerCase().indexOf((ev.text || "").toLowerCase());
  if (i < 0 || !(n > 0)) { p.textContent = s; return p; }
  p.append(s.slice(0, i), el("mark", s.slice(i, i + n)), s.slice(i + n));
  return p;
}

// markText renders a posting's text with every evidence span (start/end
// are byte offsets in its UTF-8 text) in <mark>; spans that do not match
// their evidence text are left unmarked rather than misplaced.
export function markText(text, evidence) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const spans = [...evidence].filter((e) => e.end > e.start && e.end <= bytes.length).sort((a, b) => a.start - b.start);
  const box = el("div", null, "posting-text");
  let at = 0;
  for (const e of spans) {
    if (e.start < at) continue;
    const hit = dec.decode(bytes.subarray(e.start, e.end));
    if (hit.toLowerCase() !== (e.text || "").toLowerCase()) continue;
    box.append(dec.decode(bytes.subarray(at, e.start)));
    const m = el("mark", hit);
    m.title = e.label;
    box.append(m);
    at = e.end;
  }
  box.append(dec.decode(bytes.subarray(at)));
  return box;
}

export function renderPosting(po, skill, openFull) {
  const li = el("li", null, "posting");
  li.appendChild(el("h3", po.title));
  li.appendChild(el("p", [po.employer, po.region_name || po.region, day(po.posted_at)].filter(Boolean).join(" · "), "meta"));
  for (const ev of (po.evidence || []).filter((e) => !skill || e.skill === skill)) {
    const q = highlight(ev);
    q.appendChild(el("span", " (" + (ev.required ? t.required : t.asset) + ")", "help"));
    li.appendChild(q);
  }
  const src = po.sources || [];
  if (src.length) {
    li.appendChild(el("p", t.sources(src.length), "help"));
    const ul = el("ul", null, "sources");
    for (const s of src) {
      const a = el("a", `${s.source} · ${day(s.posted_at)}`);
      a.href = s.url;
      a.rel = "noopener noreferrer";
      const item = el("li");
      item.appendChild(a);
      ul.appendChild(item);
    }
    li.appendChild(ul);
  }
  if (openFull) {
    const b = el("button", t.wholePosting, "link");
    b.type = "button";
    b.setAttribute("aria-expanded", "false");
    b.addEventListener("click", async () => {
      b.disabled = true;
      const full = await openFull(po.id).catch((e) => ({ error: e.message }));
      b.remove();
      li.appendChild(full.error ? el("p", full.error, "help") : markText(full.text || "", full.evidence || []));
    });
    li.appendChild(b);
  }
  return li;
}

export function renderCompare(c) {
  const tb = $("compare-table").querySelector("tbody");
  tb.replaceChildren();
  for (const r of c.regions || []) {
    const tr = el("tr");
    headerCell(tr, r.name || r.code);
    cell(tr, String(r.postings), "num");
    cell(tr, pct(r.share), "num");
    cell(tr, r.suppressed ? t.withheld(c.min_count) : (r.top_skills || []).slice(0, 3).map((s) => `${s.label} ${pct(s.share)}`).join(", "));
    tb.appendChild(tr);
  }
  $("compare-table").hidden = false;
}

// renderSeries fills the tables under the trend charts: the same figures,
// for screen readers and for builds without the charting library.
export function renderSeries(trend, skills) {
  const tb = $("trend-table").querySelector("tbody");
  tb.replaceChildren();
  for (const p of trend.points || []) {
    const tr = el("tr");
    headerCell(tr, p.period);
    cell(tr, String(p.postings), "num");
    tb.appendChild(tr);
  }
  const sb = $("skill-table").querySelector("tbody");
  sb.replaceChildren();
  for (const p of skills.points || []) {
    const tr = el("tr");
    headerCell(tr, p.period);
    cell(tr, String(p.postings), "num");
    cell(tr, p.suppressed ? t.withheld(skills.min_count) : (p.skills || []).map((s) => `${s.label} ${pct(s.share)}`).join(", "));
    sb.appendChild(tr);
  }
}
