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
// matches a register actor keeps that actor's id.
type ModernGov struct {
	Base   string // the ModernGov site, e.g. https://democracy.example.gov.uk
	Client *Client

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
	return nil
}
