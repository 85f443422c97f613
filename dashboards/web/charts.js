// Charts over Chart.js (vendor/chart.umd.min.js, served from the binary).
// Without the library every function is a no-op and the tables remain.
import { t, pct } from "./i18n.js";

const charts = new Map();
const palette = ["#0b5cad", "#b5400b", "#2a7d2e", "#7a3fa0", "#8a6d00"];

export const available = () => typeof window.Chart === "function";

function draw(id, config) {
  if (!available()) return;
  charts.get(id)?.destroy();
  const canvas = document.getElementById(id);
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
  charts.set(id, new window.Chart(canvas, config));
}

// trend: postings per month.
export function trendChart(points) {
  draw("trend-chart", {
    type: "line",
    data: {
      labels: points.map((p) => p.period),
      datasets: [{ label: t.chartPostings, data: points.map((p) => p.postings), borderColor: palette[0], backgroundColor: palette[0], tension: 0.2 }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

// regions: share of the occupation's postings by region (non-zero only).
export function regionsChart(regions) {
  const rs = regions.filter((r) => r.count > 0);
  draw("regions-chart", {
    type: "bar",
    data: {
      labels: rs.map((r) => r.name || r.code),
      datasets: [{ label: t.thShare, data: rs.map((r) => r.share * 100), backgroundColor: palette[0] }],
    },
    options: {
      indexAxis: "y",
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => pct(c.raw / 100) } } },
      scales: { x: { beginAtZero: true, ticks: { callback: (v) => v + "%" } } },
    },
  });
}

// skills: share of postings per top skill per period; withheld periods are gaps.
export function skillChart(points) {
  const ids = [];
  const labels = new Map();
  for (const p of points) for (const s of p.skills || []) if (!labels.has(s.id)) { ids.push(s.id); labels.set(s.id, s.label); }
  draw("skill-chart", {
    type: "line",
    data: {
      labels: points.map((p) => p.period),
      datasets: ids.slice(0, 5).map((id, i) => ({
        label: labels.get(id),
        data: points.map((p) => { const s = (p.skills || []).find((x) => x.id === id); return s ? s.share * 100 : null; }),
        borderColor: palette[i], backgroundColor: palette[i], spanGaps: false,
      })),
    },
    options: { scales: { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => v + "%" } } } },
  });
}
