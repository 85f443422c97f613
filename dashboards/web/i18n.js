// UI strings in English and French. The language comes from ?lang= first,
// then the browser's languages (what it sends as Accept-Language).
const en = {
  title: "skillpulse — occupation profiles",
  skip: "Skip to the profile",
  subtitle: "Skill demand from job postings, by occupation (NOC 2021), region and period.",
  queryLabel: "Profile query",
  occupation: "Occupation",
  region: "Region",
  period: "Period",
  periodHelp: "A year, quarter, month or recent:N days.",
  show: "Show profile",
  jobTitle: "Job title",
  find: "Find its occupation",
  chartsOff: "Charts are unavailable in this build (the charting library was not fetched); the tables show the same figures.",
  export: "Export this profile:",
  exportHtml: "HTML (print)",
  exportCsv: "CSV",
  exportJson: "JSON",
  trendTitle: "Postings by month",
  trendCaption: "Monthly job postings of this occupation in this region.",
  regionsTitle: "Where the postings are",
  regionsCaption: "Share of this occupation's postings by region.",
  employersTitle: "Employers",
  skillsTitle: "Most frequently sought skills",
  skillsHelp: "Choose a skill to see the postings and sentences behind it.",
  distinctiveTitle: "Distinctive skills",
  distinctiveHelp: "Sought far more often here than across all occupations.",
  skillTrendTitle: "Skill shares by quarter",
  skillTrendCaption: "Share of postings asking for each top skill; quarters with fewer than 5 postings are withheld.",
  wagesTitle: "Wages (hourly)",
  more: "More postings",
  figures: "The figures", thMonth: "Month", thQuarter: "Quarter",
  wholePosting: "Show the whole posting, every skill marked",
  compareTitle: "Compare regions",
  compareRegions: "Regions (codes, comma-separated)",
  compareHelp: "Province codes such as NL, NS, ON or economic region codes.",
  compare: "Compare",
  thRegion: "Region", thPostings: "Postings", thShare: "Share", thEmployer: "Employer",
  thSkill: "Skill", thType: "Type", thShareOfPostings: "Share of postings", thChange: "Change",
  thTimes: "Times the average", thShareAll: "Share of all postings", thTopSkills: "Top skills",
  canada: "Canada",
  postingsSummary: (n, from, to) => `Job postings: ${n}` + (from ? ` collected between ${from} and ${to}` : "") + ".",
  previous: (n) => ` Previous period: ${n}.`,
  note: "Note: ",
  flag: { low_count: "few postings", low_confidence: "occupation coding uncertain", suppressed: "figures withheld" },
  lowConfidence: (p) => `${p} of these postings were coded to this occupation with low confidence.`,
  withheld: (n) => `Fewer than ${n} postings: skill figures withheld.`,
  newSkill: "new",
  pts: "pts",
  noWages: "No wage data.",
  wages: (lo, med, hi, n) => `$${lo} low · $${med} median · $${hi} high (${n} postings with a wage)`,
  employersNote: (other, unnamed, min) => `Employers with fewer than ${min} postings are grouped: ${other} postings in other employers, ${unnamed} without an employer name.`,
  noEmployers: "No employer has enough postings to be shown.",
  type: { skill: "skill", knowledge: "knowledge", certification: "certification", tool: "tool", language: "language", transversal: "transversal" },
  drillTitle: (skill) => `Postings asking for “${skill}”`,
  sources: (n) => `Posted on ${n} board${n === 1 ? "" : "s"}/dates:`,
  required: "required", asset: "asset",
  noPostings: "No posting in this scope asks for this skill.",
  noMatch: "No occupation matches this title.",
  noPostingsOcc: " (no postings)",
  cannotLoad: "Cannot load choices: ",
  chartPostings: "Postings",
  notCounted: "(no postings)",
};

const fr = {
  title: "skillpulse — profils de profession",
  skip: "Aller au profil",
  subtitle: "Compétences demandées dans les offres d'emploi, par profession (CNP 2021), région et période.",
  queryLabel: "Recherche de profil",
  occupation: "Profession",
  region: "Région",
  period: "Période",
  periodHelp: "Une année, un trimestre, un mois ou recent:N jours.",
  show: "Afficher le profil",
  jobTitle: "Titre du poste",
  find: "Trouver sa profession",
  chartsOff: "Les graphiques ne sont pas disponibles dans cette version (la bibliothèque de graphiques n'a pas été téléchargée); les tableaux donnent les mêmes chiffres.",
  export: "Exporter ce profil :",
  exportHtml: "HTML (impression)",
  exportCsv: "CSV",
  exportJson: "JSON",
  trendTitle: "Offres par mois",
  trendCaption: "Offres d'emploi mensuelles de cette profession dans cette région.",
  regionsTitle: "Où sont les offres",
  regionsCaption: "Part des offres de cette profession par région.",
  employersTitle: "Employeurs",
  skillsTitle: "Compétences les plus demandées",
  skillsHelp: "Choisissez une compétence pour voir les offres et les phrases qui la mentionnent.",
  distinctiveTitle: "Compétences distinctives",
  distinctiveHelp: "Demandées bien plus souvent ici que dans l'ensemble des professions.",
  skillTrendTitle: "Part des compétences par trimestre",
  skillTrendCaption: "Part des offres demandant chaque compétence principale; les trimestres de moins de 5 offres sont masqués.",
  wagesTitle: "Salaires (horaires)",
  more: "Plus d'offres",
  figures: "Les chiffres", thMonth: "Mois", thQuarter: "Trimestre",
  wholePosting: "Afficher l'offre entière, chaque compétence marquée",
  compareTitle: "Comparer des régions",
  compareRegions: "Régions (codes séparés par des virgules)",
  compareHelp: "Codes de province comme NL, NS, ON ou codes de région économique.",
  compare: "Comparer",
  thRegion: "Région", thPostings: "Offres", thShare: "Part", thEmployer: "Employeur",
  thSkill: "Compétence", thType: "Type", thShareOfPostings: "Part des offres", thChange: "Variation",
  thTimes: "Fois la moyenne", thShareAll: "Part de toutes les offres", thTopSkills: "Principales compétences",
  canada: "Canada",
  postingsSummary: (n, from, to) => `Offres d'emploi : ${n}` + (from ? ` recueillies entre le ${from} et le ${to}` : "") + ".",
  previous: (n) => ` Période précédente : ${n}.`,
  note: "Remarque : ",
  flag: { low_count: "peu d'offres", low_confidence: "codage de la profession incertain", suppressed: "chiffres masqués" },
  lowConfidence: (p) => `${p} de ces offres ont été associées à cette profession avec une faible confiance.`,
  withheld: (n) => `Moins de ${n} offres : chiffres des compétences masqués.`,
  newSkill: "nouvelle",
  pts: "pts",
  noWages: "Aucune donnée salariale.",
  wages: (lo, med, hi, n) => `${lo} $ bas · ${med} $ médian · ${hi} $ élevé (${n} offres avec un salaire)`,
  employersNote: (other, unnamed, min) => `Les employeurs de moins de ${min} offres sont regroupés : ${other} offres chez d'autres employeurs, ${unnamed} sans nom d'employeur.`,
  noEmployers: "Aucun employeur n'a assez d'offres pour être affiché.",
  type: { skill: "savoir-faire", knowledge: "savoir", certification: "certification", tool: "outil", language: "langue", transversal: "transversale" },
  drillTitle: (skill) => `Offres demandant « ${skill} »`,
  sources: (n) => `Publiée sur ${n} site${n === 1 ? "" : "s"}/dates :`,
  required: "exigée", asset: "atout",
  noPostings: "Aucune offre de ce champ ne demande cette compétence.",
  noMatch: "Aucune profession ne correspond à ce titre.",
  noPostingsOcc: " (aucune offre)",
  cannotLoad: "Impossible de charger les choix : ",
  chartPostings: "Offres",
  notCounted: "(aucune offre)",
};

// pickLang: "fr" when ?lang=fr, or no ?lang and the browser prefers French.
export function pickLang(search, languages) {
  const q = new URLSearchParams(search).get("lang");
  if (q) return q.toLowerCase().startsWith("fr") ? "fr" : "en";
  const first = (languages || [])[0] || "";
  return first.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export const lang = pickLang(location.search, navigator.languages || [navigator.language]);
export const t = lang === "fr" ? fr : en;

// applyStatic translates the elements marked data-i18n, the document title,
// the html lang attribute and the language switch.
export function applyStatic() {
  document.documentElement.lang = lang;
  document.title = t.title;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const v = t[el.dataset.i18n];
    if (typeof v === "string") el.textContent = v;
  }
  const sw = document.getElementById("lang-switch");
  const other = lang === "fr" ? "en" : "fr";
  const q = new URLSearchParams(location.search);
  q.set("lang", other);
  sw.href = "?" + q;
  sw.hreflang = other;
  sw.lang = other;
  sw.textContent = other === "fr" ? "Français" : "English";
}

// num formats a number for the UI language.
export function pct(x) {
  return new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}
