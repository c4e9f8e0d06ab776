package audit_test

import (
	"fmt"

	"github.com/civickit/civickit/audit"
)

// A citizen's id becomes a keyed pseudonym before anything is stored:
// the same with the same key in every snapshot, so ties can be compared
// over time, and different under another key.
func ExamplePseudonymizer_ID() {
	p, err := audit.NewPseudonymizer([]byte("the council's key, 16+ characters"))
	if err != nil {
		fmt.Println(err)
		return
	}
	q, _ := audit.NewPseudonymizer([]byte("another council's key"))
	fmt.Println(p.ID("@resident@social.example") == p.ID("@Resident@social.example"))
	fmt.Println(p.ID("@resident@social.example") == q.ID("@resident@social.example"))
	_, err = audit.NewPseudonymizer(nil)
	fmt.Println(err == audit.ErrNoKey)
	// Output:
	// true
	// false
	// true
}

// Page names of the HTML site are safe file names whatever the id.
func ExamplePageName() {
	fmt.Println(audit.PageName("ward", "E05016518"))
	fmt.Println(audit.PageName("councillor", "../cllr jane/smith"))
	// Output:
	// ward-E05016518.html
	// councillor-_2e_2e_2fcllr_20jane_2fsmith.html
}
