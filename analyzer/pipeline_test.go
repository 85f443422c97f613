package analyzer_test

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// The occupation is coded from what a posting says of its job: a body of
// benefits, equity and how to apply leaves a generic title where its
// title alone puts it.
func TestBoilerplateDoesNotCodeTheOccupation(t *testing.T) {
	p := pipeline(t)
	coder := p.Stages().Occupations
	body := "We offer competitive wages, a comprehensive benefits package and a pension plan. " +
		"We are an equal opportunity employer. Accommodation is available upon request. " +
		"Submit your resume today; we thank all applicants, only those selected will be contacted."
	for _, title := range []string{"Labourer", "Manager", "Supervisor", "Clerk", "Technician", "Operator", "Assistant", "Driver"} {
		want := coder.Code(title, "", nil)
		got := p.Analyze(&posting.Posting{ID: title, Title: title, Description: body}).Occupation
		if got.Code != want.Code {
			t.Errorf("%q with a boilerplate body: %s %s, want %s as its title alone", title, got.Code, got.Title, want.Code)
		}
	}
}
