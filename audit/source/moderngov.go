package source

import (
	"context"
	"strings"

	"github.com/civickit/civickit/audit"
)

// ModernGov reads councillors by ward from a council's ModernGov web
// service (mgWebService.asmx/GetCouncillorsByWard), so councillors and
// wards come from the council's own system. A ward whose name matches one
// the register named keeps the register's id; a councillor whose name
// matches a register actor keeps that actor's id. With Committees, the
// council's current committees (GetCommittees) are read too, each an
// actor of the council (kind council_account) with the id
// mg-committee-ID, so that a register or export can tie to them.
type ModernGov struct {
	Base       string // the ModernGov site, e.g. https://democracy.example.gov.uk
	Client     *Client
	Committees bool // read the committees too

	wards  map[string]string // lower-case ward name → id
	actors map[string]string // slug of a name → actor id
}

// Name implements [audit.Source].
func (m *ModernGov) Name() string { return "moderngov:" + m.Base }

// Seed implements [audit.Seeded].
func (m *ModernGov) Seed(s *audit.Seed) {
	m.wards, m.actors = map[string]string{}, map[string]string{}
	for _, w := range s.Wards {
		if w.Name != "" {
			m.wards[strings.ToLower(strings.TrimSpace(w.Name))] = w.ID
		}
	}
	for id, a := range s.Actors {
		if a.Kind == audit.KindCouncillor {
			m.actors[Slug(a.Label)] = id
		}
	}
}

type mgCouncillorsByWard struct {
	Wards []struct {
		Title       string `xml:"wardtitle"`
		Councillors []struct {
			ID       string `xml:"councillorid"`
			Name     string `xml:"fullusername"`
			Party    string `xml:"politicalpartytitle"`
			Ward     string `xml:"representing"`
			KeyPosts string `xml:"keyposts"`
		} `xml:"councillors>councillor"`
	} `xml:"wards>ward"`
}

// Committee is one of the council's committees, from GetCommittees.
type Committee struct {
	ID       string `xml:"committeeid"`       // ModernGov's committee id
	Title    string `xml:"committeetitle"`    // such as Cabinet
	Deleted  string `xml:"committeedeleted"`  // "True" for a deleted committee
	Expired  string `xml:"committeeexpired"`  // "True" for one that no longer meets
	Category string `xml:"committeecategory"` // the council's grouping, such as Scrutiny
}

// Current reports whether the committee is neither deleted nor expired.
func (c Committee) Current() bool {
	return !strings.EqualFold(strings.TrimSpace(c.Deleted), "true") && !strings.EqualFold(strings.TrimSpace(c.Expired), "true")
}

type mgCommittees struct {
	Count      string      `xml:"committeescount"`
	Committees []Committee `xml:"committee"`
}

// ListCommittees reads every committee the council's ModernGov lists
// (GetCommittees?lDays=0), deleted and expired ones included, titles
// trimmed.
func (m *ModernGov) ListCommittees(ctx context.Context) ([]Committee, error) {
	c := m.Client
	if c == nil {
		c = &Client{}
	}
	var doc mgCommittees
	if err := c.getXML(ctx, strings.TrimRight(m.Base, "/")+"/mgWebService.asmx/GetCommittees?lDays=0", &doc); err != nil {
		return nil, err
	}
	for i := range doc.Committees {
		cm := &doc.Committees[i]
		cm.ID, cm.Title, cm.Category = strings.TrimSpace(cm.ID), strings.TrimSpace(cm.Title), strings.TrimSpace(cm.Category)
	}
	return doc.Committees, nil
}

// Read implements [audit.Source].
func (m *ModernGov) Read(ctx context.Context, s audit.Sink) error {
	c := m.Client
	if c == nil {
		c = &Client{}
	}
	var doc mgCouncillorsByWard
	if err := c.getXML(ctx, strings.TrimRight(m.Base, "/")+"/mgWebService.asmx/GetCouncillorsByWard", &doc); err != nil {
		return err
	}
	for _, w := range doc.Wards {
		title := strings.TrimSpace(w.Title)
		if title == "" {
			continue
		}
		wid, ok := m.wards[strings.ToLower(title)]
		if !ok {
			wid = Slug(title)
		}
		if err := s.Ward(audit.Ward{ID: wid, Name: title}); err != nil {
			return err
		}
		for _, cl := range w.Councillors {
			name := strings.TrimSpace(cl.Name)
			if name == "" {
				continue
			}
			id, ok := m.actors[Slug(name)]
			if !ok {
				id = Slug(name)
			}
			if err := s.Actor(audit.Actor{ID: id, Kind: audit.KindCouncillor, Ward: wid, Label: name}); err != nil {
				return err
			}
		}
	}
	if !m.Committees {
		return nil
	}
	cms, err := m.ListCommittees(ctx)
	if err != nil {
		return err
	}
	for _, cm := range cms {
		if !cm.Current() || cm.ID == "" || cm.Title == "" {
			continue
		}
		if err := s.Actor(audit.Actor{ID: "mg-committee-" + cm.ID, Kind: audit.KindCouncilAccount, Label: cm.Title}); err != nil {
			return err
		}
	}
	return nil
}
