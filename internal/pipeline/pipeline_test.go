package pipeline

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/memstore"
)

type fakeExtractor struct {
	err error
	got liaison.ExtractInput
}

func (f *fakeExtractor) Extract(ctx context.Context, in liaison.ExtractInput) (*liaison.Extraction, error) {
	f.got = in
	if f.err != nil {
		return nil, f.err
	}
	return &liaison.Extraction{Events: []liaison.Event{{Source: "JPN", Target: "IGOWSTNAT", CAMEO: "040"}, {Date: "2023-07-01"}}}, nil
}

func TestProcess(t *testing.T) {
	ctx := liaison.SystemContext(context.Background())
	st := memstore.New()
	d := &liaison.Document{Title: "t", Text: "Japan met NATO.", ContentHash: "h",
		Published: time.Date(2023, 7, 11, 9, 0, 0, 0, time.UTC),
		Marking:   liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN"}}}
	if _, err := st.PutDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	fx := &fakeExtractor{}
	p, err := New(fx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	if fx.got.Date != "2023-07-11" || fx.got.ID != d.ID || fx.got.Text != d.Text {
		t.Errorf("extractor input = %+v", fx.got)
	}
	x, err := st.Extraction(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e := x.Events[0]; e.DocID != d.ID || e.Marking.Level != 2 || e.Date != "2023-07-11" {
		t.Errorf("event not inherited: %+v", e)
	}
	if x.Events[1].Date != "2023-07-01" {
		t.Errorf("coder's date overwritten: %q", x.Events[1].Date)
	}

	fx.err = liaison.Errorf(liaison.ErrInvalid, "boom")
	if err := p.Process(ctx, d); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("extract error = %v; want wrapped ErrInvalid", err)
	}
	if err := p.Process(ctx, &liaison.Document{}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("no id = %v", err)
	}
	if _, err := New(nil, st, nil); err == nil {
		t.Error("New without extractor succeeded")
	}
}
