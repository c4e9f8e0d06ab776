package journey

import (
	"errors"

	"github.com/civickit/civickit/internal/safe"
)

// The enumerations below encode as their strings in JSON and text, and
// decoding refuses a value outside the list, naming the ones allowed, so
// a council profile with "nation": "scotland" or "clear_days": "lunar"
// is an error rather than a silent default.

// MarshalText returns the nation's name.
func (n Nation) MarshalText() ([]byte, error) { return []byte(n), nil }

// UnmarshalText reads "england" or "wales" ("" means england).
func (n *Nation) UnmarshalText(b []byte) error {
	switch v := Nation(b); v {
	case "", NationEngland, NationWales:
		*n = v
		return nil
	}
	return errors.New("unknown nation " + quoteEnum(b) + " (want england or wales)")
}

// MarshalText returns the counting's name.
func (c ClearDayCounting) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText reads "calendar" or "working" ("" means the default).
func (c *ClearDayCounting) UnmarshalText(b []byte) error {
	switch v := ClearDayCounting(b); v {
	case "", ClearDaysCalendar, ClearDaysWorking:
		*c = v
		return nil
	}
	return errors.New("unknown day counting " + quoteEnum(b) + " (want calendar or working)")
}

// MarshalText returns the journey's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText reads "decision", "planning" or "budget" ("" means
// decision).
func (k *Kind) UnmarshalText(b []byte) error {
	if v := Kind(b); v == "" || firstStage[v] != "" {
		*k = v
		return nil
	}
	return errors.New("unknown journey " + quoteEnum(b) + " (want decision, planning or budget)")
}

// MarshalText returns the kind's name.
func (k DecisionMakerKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText reads one of the decision-maker kinds ("" means unknown).
func (k *DecisionMakerKind) UnmarshalText(b []byte) error {
	v := DecisionMakerKind(b)
	if v == "" || v.valid() {
		*k = v
		return nil
	}
	return errors.New("unknown decision maker kind " + quoteEnum(b) + " (want " + decisionMakerKindList + ")")
}

// MarshalText returns the stage id.
func (s StageID) MarshalText() ([]byte, error) { return []byte(s), nil }

// MarshalText returns the status's name.
func (s StepStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

func quoteEnum(b []byte) string { return safe.Quote(string(b)) }
