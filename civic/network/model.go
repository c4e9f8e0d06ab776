package network

import (
	"strings"
	"time"
)

// ActorKind is the kind of an actor in a ward network. In JSON it is a
// string: one of the five kinds below.
type ActorKind string

// The kinds of actor. Readers match them case-insensitively ("Citizen",
// "COUNCIL ACCOUNT" and "council-account" are read as the kinds below); any
// other kind is an error unless [ReadOptions.Lenient] is set.
const (
	KindCouncillor     ActorKind = "councillor"      // an elected member
	KindGroup          ActorKind = "group"           // a community group
	KindCouncilAccount ActorKind = "council_account" // an account run by the council
	KindPartner        ActorKind = "partner"         // a partner organisation
	KindCitizen        ActorKind = "citizen"         // a resident (pseudonymised)
)

// ActorKinds lists the kinds of actor in the order they are documented.
var ActorKinds = []ActorKind{KindCouncillor, KindGroup, KindCouncilAccount, KindPartner, KindCitizen}

// ParseActorKind returns the kind s names, matched case-insensitively with
// surrounding space ignored and a space or hyphen read as an underscore,
// and whether it is one of the known kinds.
func ParseActorKind(s string) (ActorKind, bool) {
	k := normKind(s)
	for _, known := range ActorKinds {
		if ActorKind(k) == known {
			return known, true
		}
	}
	return ActorKind(s), false
}

// Public reports whether actors of kind k act in public and keep their
// ids and labels in every output: councillors, groups, council accounts
// and partners. Every other kind, a citizen's, an empty one or one not
// known, is pseudonymised by [Network.Pseudonymize].
func (k ActorKind) Public() bool {
	p, ok := ParseActorKind(string(k))
	return ok && p != KindCitizen
}

// MarshalText encodes the kind as its string.
func (k ActorKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText decodes a kind, normalising the case of a known one; an
// unknown kind is kept as it is, for the reader to report with its place.
func (k *ActorKind) UnmarshalText(b []byte) error {
	*k, _ = ParseActorKind(string(b))
	return nil
}

func normKind(s string) string {
	return strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// Actor is a node of a ward network: a councillor, community group, council
// account, partner organisation or citizen.
type Actor struct {
	// ID identifies the actor, unique in the network.
	ID string `json:"id" jsonschema:"minLength=1"`
	// Kind is councillor or group or council_account or partner or citizen.
	Kind ActorKind `json:"kind,omitempty" jsonschema:"enum=councillor,enum=group,enum=council_account,enum=partner,enum=citizen"`
	// Ward is the ward (area id) the actor belongs to, if any.
	Ward string `json:"ward,omitempty"`
	// Label is the display name; pseudonymous for citizens.
	Label string `json:"label,omitempty"`
}

// TieKind is the kind of a tie between two actors. In JSON it is a string.
type TieKind string

// The kinds of tie. Readers match them case-insensitively; an unrecognised
// kind read from a file is kept as it is.
const (
	TieFollows      TieKind = "follows"
	TieMemberOf     TieKind = "member_of"
	TieMentions     TieKind = "mentions"
	TieCollaborates TieKind = "collaborates"
)

// TieKinds lists the known kinds of tie.
var TieKinds = []TieKind{TieFollows, TieMemberOf, TieMentions, TieCollaborates}

// ParseTieKind returns the kind s names, a known kind matched as
// [ParseActorKind] matches actor kinds, and whether it is known. An
// unknown kind is returned trimmed but otherwise as it is.
func ParseTieKind(s string) (TieKind, bool) {
	k := normKind(s)
	for _, known := range TieKinds {
		if TieKind(k) == known {
			return known, true
		}
	}
	return TieKind(strings.TrimSpace(s)), false
}

// MarshalText encodes the kind as its string.
func (k TieKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText decodes a kind, normalising the case of a known one.
func (k *TieKind) UnmarshalText(b []byte) error {
	*k, _ = ParseTieKind(string(b))
	return nil
}

// Tie is an edge of a ward network. Weight is the tie's strength (1 when
// not given); first and last seen date the observation.
type Tie struct {
	// Source is the actor id at the start of the tie.
	Source string `json:"source" jsonschema:"minLength=1"`
	// Target is the actor id at the end of the tie.
	Target string `json:"target" jsonschema:"minLength=1"`
	// Kind is follows or member_of or mentions or collaborates (or another kind as read).
	Kind TieKind `json:"kind,omitempty"`
	// Weight is the strength of the tie; 1 when left out. See [MaxWeight].
	Weight float64 `json:"weight,omitempty" jsonschema:"minimum=0"`
	// FirstSeen is when the tie was first observed.
	FirstSeen time.Time `json:"first_seen,omitzero"`
	// LastSeen is when the tie was last observed.
	LastSeen time.Time `json:"last_seen,omitzero"`
}
