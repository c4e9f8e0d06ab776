package network

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Pseudonymize returns a copy of n in which every citizen's id and label
// are replaced by a pseudonym, and ties follow them. Councillors, groups,
// council accounts and partners keep their ids: they act in public. Kinds
// are matched as [ParseActorKind] matches them ("Councillor" is public);
// an actor of any other kind, an empty one or one not known, is treated as
// a citizen and gets the kind citizen, so a kind mistyped or lost on the
// way never reveals a resident.
//
// With a nil key, citizens are numbered in the order the network lists
// them: id "citizen-7", label "Resident 7". The same input gives the same
// output, and nothing in a pseudonym derives from the handle, so it cannot
// be reversed by guessing handles. With a key, the pseudonym is "citizen-"
// and the first 12 hex digits of HMAC-SHA256(key, id): stable across files
// and snapshots for whoever holds the key, and unlinkable without it.
//
// A pseudonym that would collide with another actor's id gets a numeric
// suffix. The mapping itself is returned so that a caller that must re-link
// records (and may) can; it is personal data and never part of an output.
func (n *Network) Pseudonymize(key []byte) (*Network, map[string]string, error) {
	actors := n.Actors()
	taken := make(map[string]bool, len(actors))
	for _, a := range actors {
		if a.Kind.Public() {
			taken[a.ID] = true
		}
	}
	mapping := make(map[string]string)
	out := NewNetwork(n.Directed())
	out.Weighted = n.Weighted
	count := 0
	for _, a := range actors {
		if a.Kind.Public() {
			a.Kind, _ = ParseActorKind(string(a.Kind))
		} else {
			a.Kind = KindCitizen
			count++
			id, label := "citizen-"+strconv.Itoa(count), "Resident "+strconv.Itoa(count)
			if key != nil {
				m := hmac.New(sha256.New, key)
				m.Write([]byte(a.ID))
				id = "citizen-" + hex.EncodeToString(m.Sum(nil))[:12]
				label = "Resident " + id[len("citizen-"):]
			}
			base := id
			for k := 2; taken[id]; k++ {
				id = base + "-" + strconv.Itoa(k)
			}
			taken[id] = true
			mapping[a.ID] = id
			a.ID, a.Label = id, label
		}
		if err := out.AddActor(a); err != nil {
			return nil, nil, err
		}
	}
	for _, t := range n.Ties() {
		if p, ok := mapping[t.Source]; ok {
			t.Source = p
		}
		if p, ok := mapping[t.Target]; ok {
			t.Target = p
		}
		if err := out.AddTie(t); err != nil {
			return nil, nil, err
		}
	}
	return out, mapping, nil
}
