package standards

import "testing"

func TestScratch(t *testing.T) {
	for _, w := range []string{"Council", "council's", "don't", "didn't", "haven't", "NHS", "W", "NATO", "GPs", "Cllr", "Dr", "e.g.", "etc.", "12", "2025", "1984", "1900", "2005", "£2.5m", "£2.50", "50p", "10%", "1st", "21st", "20th", "2nd", "10am", "10:30", "10.30am", "1,500", "105", "01632", "2.05", "café", "naïve", "résumé", "東京", "Москва", "UNESCO", "IMPORTANT", "R&D", "co-operate", "", "...", "£", "No.", "5km", "M25", "COVID-19", "NHS's", "Zoë", "o'clock", "rock'n'roll", "x"} {
		t.Logf("%q = %d", w, Syllables(w))
	}
}
