package network

import "time"

// ActorKind is the kind of an actor in a ward network.
type ActorKind string

// The kinds of actor. An unrecognised kind read from a file is kept as it is.
const (
	KindCouncillor     ActorKind = "councillor"      // an elected member
	KindGroup          ActorKind = "group"           // a community group
	KindCouncilAccount ActorKind = "council_account" // an account run by the council
	KindPartner        ActorKind = "partner"         // a partner organisation
	KindCitizen        ActorKind = "citizen"         // a resident (pseudonymised)
)

// Actor is a node of a ward network: a councillor, community group, council
// account, partner organisation or citizen.
type Actor struct {
	ID    string    `json:"id" jsonschema:"description=Identifier, unique in the network"`
	Kind  ActorKind `json:"kind,omitempty" jsonschema:"description=councillor, group, council_account, partner or citizen"`
	Ward  string    `json:"ward,omitempty" jsonschema:"description=Ward (area id) the actor belongs to, if any"`
	Label string    `json:"label,omitempty" jsonschema:"description=Display name; pseudonymous for citizens"`
}

// TieKind is the kind of a tie between two actors.
type TieKind string

// The kinds of tie. An unrecognised kind read from a file is kept as it is.
const (
	TieFollows      TieKind = "follows"
	TieMemberOf     TieKind = "member_of"
	TieMentions     TieKind = "mentions"
	TieCollaborates TieKind = "collaborates"
)

// Tie is an edge of a ward network. Weight is the tie's strength (1 when
// not given); first and last seen date the observation.
type Tie struct {
	Source    string    `json:"source" jsonschema:"description=Actor id at the start of the tie"`
	Target    string    `json:"target" jsonschema:"description=Actor id at the end of the tie"`
	Kind      TieKind   `json:"kind,omitempty" jsonschema:"description=follows, member_of, mentions or collaborates"`
	Weight    float64   `json:"weight,omitempty" jsonschema:"description=Strength of the tie; 1 when left out,minimum=0"`
	FirstSeen time.Time `json:"first_seen,omitzero" jsonschema:"description=When the tie was first observed"`
	LastSeen  time.Time `json:"last_seen,omitzero" jsonschema:"description=When the tie was last observed"`
}
