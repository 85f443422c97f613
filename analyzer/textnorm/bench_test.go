package textnorm

import (
	"strings"
	"testing"
)

// BenchmarkClean cleans a posting body of typical size, plain ASCII (most
// postings) and with accents (French postings take the NFKC pass).
func BenchmarkClean(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"ascii", strings.Repeat("Maintain patient health records and ensure data quality. ", 50)},
		{"accents", strings.Repeat("Tenir à jour les dossiers médicaux et assurer la qualité des données. ", 50)},
		{"html", "<div><h2>Duties</h2><ul>" + strings.Repeat("<li class=\"item\">Maintain patient health records &amp; ensure data quality.</li>", 40) + "</ul></div>"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				Clean(c.text)
			}
		})
	}
}
