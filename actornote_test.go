package liaison

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidActorCode(t *testing.T) {
	for code, want := range map[string]bool{
		"JPNGOV": true, "IGOWSTNAT": true, "USA-MIL": true, "a1": true, strings.Repeat("A", MaxActorCode): true,
		"": false, "JPN GOV": false, "JPN/GOV": false, "JPN%": false, "JPN_GOV": false, "<b>": false,
		strings.Repeat("A", MaxActorCode+1): false, "JPNÉ": false,
	} {
		if got := ValidActorCode(code); got != want {
			t.Errorf("ValidActorCode(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestActorNoteValidate(t *testing.T) {
	ok := func() ActorNote {
		return ActorNote{ID: "01J", Actor: "JPNGOV", Text: "text", Author: "a", Created: time.Unix(1, 0)}
	}
	for name, edit := range map[string]func(*ActorNote){
		"no id":      func(n *ActorNote) { n.ID = "" },
		"bad actor":  func(n *ActorNote) { n.Actor = "JPN GOV" },
		"blank text": func(n *ActorNote) { n.Text = " \t\n" },
		"long text":  func(n *ActorNote) { n.Text = strings.Repeat("x", MaxActorNoteText+1) },
		"no author":  func(n *ActorNote) { n.Author = "" },
		"no time":    func(n *ActorNote) { n.Created = time.Time{} },
	} {
		n := ok()
		edit(&n)
		if err := n.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Validate = %v, want ErrInvalid", name, err)
		}
	}
	n := ok()
	n.Text = strings.Repeat("x", MaxActorNoteText)
	if err := n.Validate(); err != nil {
		t.Errorf("text at the limit: %v", err)
	}
}
