package civic

import (
	"strings"

	"github.com/civickit/civickit/civic/calendar"
)

// The model types follow the Popolo data specification (popoloproject.com)
// so that ModernGov exports, Democracy Club and mySociety data map across
// field by field. Dates are [calendar.Date] values, written in JSON as
// ISO 8601 dates ("2026-05-07") and left out when unknown.

// Person is a person, such as a councillor (Popolo "Person").
type Person struct {
	// ID is the stable identifier of the person.
	ID string `json:"id"`
	// Name is the full name as published.
	Name string `json:"name"`
	// Email is a public contact address.
	Email string `json:"email,omitempty" jsonschema:"format=email"`
	// Image is the URL of a photograph.
	Image string `json:"image,omitempty" jsonschema:"format=uri"`
	// Accounts are the person's social-media presences.
	Accounts []Account `json:"accounts,omitempty"`
	// Identifier is the person's id in the source system, such as a
	// ModernGov member id.
	Identifier string `json:"identifier,omitempty"`
}

// Organization is a group with a common purpose: a council, a party, a
// committee or a community group (Popolo "Organization").
type Organization struct {
	// ID is the stable identifier of the organisation.
	ID string `json:"id"`
	// Name is the name as published.
	Name string `json:"name"`
	// Classification is the kind of organisation: council, party,
	// committee, community group or partner.
	Classification string `json:"classification,omitempty"`
	// ParentID identifies the parent organisation, such as the council of
	// a committee.
	ParentID string `json:"parent_id,omitempty"`
	// AreaID identifies the area the organisation serves.
	AreaID string `json:"area_id,omitempty"`
	// Accounts are the organisation's social-media presences.
	Accounts []Account `json:"accounts,omitempty"`
	// FoundingDate and DissolutionDate bound the organisation's life, when
	// known.
	FoundingDate    calendar.Date `json:"founding_date,omitzero"`
	DissolutionDate calendar.Date `json:"dissolution_date,omitzero"`
}

// Post is a position that exists independently of its holder, such as a
// seat for a ward (Popolo "Post").
type Post struct {
	// ID is the stable identifier of the post.
	ID string `json:"id"`
	// Label names the post, such as "Councillor for Riverside".
	Label string `json:"label"`
	// Role is the role, such as "Councillor".
	Role string `json:"role,omitempty"`
	// OrganizationID identifies the organisation the post belongs to.
	OrganizationID string `json:"organization_id,omitempty"`
	// AreaID identifies the area (ward) the post represents.
	AreaID string `json:"area_id,omitempty"`
}

// Membership is a person's membership of an organisation, optionally
// holding a post, for a period (Popolo "Membership").
type Membership struct {
	// ID identifies the membership.
	ID string `json:"id,omitempty"`
	// PersonID identifies the member.
	PersonID string `json:"person_id"`
	// OrganizationID identifies the organisation.
	OrganizationID string `json:"organization_id"`
	// PostID identifies the post held, if any.
	PostID string `json:"post_id,omitempty"`
	// Role is the role within the organisation.
	Role string `json:"role,omitempty"`
	// StartDate is the first day of the membership; EndDate the last, left
	// out while it is current.
	StartDate calendar.Date `json:"start_date,omitzero"`
	EndDate   calendar.Date `json:"end_date,omitzero"`
}

// ActiveOn reports whether the membership holds on day d: on or after its
// start date and on or before its end date, where a missing date leaves
// that side open.
func (m Membership) ActiveOn(d calendar.Date) bool {
	return within(d, m.StartDate, m.EndDate)
}

// Area is a geographic area such as a ward (Popolo "Area"). Wards change
// at boundary reviews, so an area carries the dates it is valid for; the
// same name can belong to two areas with different GSS codes.
type Area struct {
	// ID is the stable identifier of the area; the GSS code when there is
	// one.
	ID string `json:"id"`
	// Name is the name of the area.
	Name string `json:"name"`
	// GSS is the Office for National Statistics Government Statistical
	// Service code, such as E05001396 for an English ward (see [ValidGSS]).
	GSS string `json:"gss,omitempty" jsonschema:"pattern=^[ENSWK][0-9]{8}$"`
	// OCDID is the Open Civic Data division identifier.
	OCDID string `json:"ocd_id,omitempty"`
	// Classification is the kind of area, such as ward or division.
	Classification string `json:"classification,omitempty"`
	// ParentID identifies the containing area, such as the council's
	// district.
	ParentID string `json:"parent_id,omitempty"`
	// ValidFrom is the first day the boundary is in force; ValidUntil the
	// last, left out while it is current.
	ValidFrom  calendar.Date `json:"valid_from,omitzero"`
	ValidUntil calendar.Date `json:"valid_until,omitzero"`
}

// ValidOn reports whether the area's boundary is in force on day d.
func (a Area) ValidOn(d calendar.Date) bool {
	return within(d, a.ValidFrom, a.ValidUntil)
}

// Code returns the area's GSS code, or its ID when that is a GSS code and
// GSS is empty, or "".
func (a Area) Code() string {
	if a.GSS != "" {
		return a.GSS
	}
	if ValidGSS(a.ID) {
		return a.ID
	}
	return ""
}

// ValidGSS reports whether code has the shape of a GSS code: a country
// letter (E England, W Wales, S Scotland, N Northern Ireland, K the UK or
// Great Britain) and eight digits, the first two of which give the entity
// type (E05 an English electoral ward, W05 a Welsh one).
func ValidGSS(code string) bool {
	if len(code) != 9 || !strings.ContainsRune("ENSWK", rune(code[0])) {
		return false
	}
	for i := 1; i < 9; i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// Nation returns the nation of a GSS code — "england", "wales",
// "scotland" or "northern-ireland" — or "" when code is not one.
func Nation(code string) string {
	if !ValidGSS(code) {
		return ""
	}
	switch code[0] {
	case 'E':
		return "england"
	case 'W':
		return "wales"
	case 'S':
		return "scotland"
	case 'N':
		return "northern-ireland"
	}
	return ""
}

// Account is a social-media presence of a person or organisation. A
// citizen's handle is personal data: pseudonymise it before publishing.
type Account struct {
	// Platform names the platform, such as x, facebook, instagram,
	// nextdoor, mastodon or bluesky.
	Platform string `json:"platform"`
	// Handle is the handle on the platform.
	Handle string `json:"handle"`
	// URL is the profile's address.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
	// Followers is the follower count when last seen.
	Followers int `json:"followers,omitempty" jsonschema:"minimum=0"`
	// OwnerID identifies the person or organisation that holds the
	// account.
	OwnerID string `json:"owner_id,omitempty"`
}

// within reports whether d lies in [from, until], a zero bound being open.
func within(d, from, until calendar.Date) bool {
	if !from.IsZero() && d.Before(from) {
		return false
	}
	return until.IsZero() || !d.After(until)
}
