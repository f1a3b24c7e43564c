package cameo

import (
	"fmt"
	"testing"
)

func TestRootsPresent(t *testing.T) {
	roots := Roots()
	if len(roots) != 20 {
		t.Fatalf("Roots() = %d entries, want 20", len(roots))
	}
	for i, r := range roots {
		want := fmt.Sprintf("%02d", i+1)
		if r.Code != want || r.Root != want {
			t.Errorf("root %d = %q (root %q), want %q", i, r.Code, r.Root, want)
		}
		if RootName(want) == "" || RootName(want) != r.Name {
			t.Errorf("RootName(%q) = %q, want %q", want, RootName(want), r.Name)
		}
	}
	for _, bad := range []string{"", "00", "21", "042", "ab", " 4"} {
		if got := RootName(bad); got != "" {
			t.Errorf("RootName(%q) = %q, want empty", bad, got)
		}
	}
	if got := RootName(" 04 "); got != "CONSULT" {
		t.Errorf("RootName(\" 04 \") = %q, want CONSULT", got)
	}
}

// TestSharedRoundTrip checks every code of the shared CAMEO files against
// Lookup: name and Goldstein score exactly as the files give them.
func TestSharedRoundTrip(t *testing.T) {
	codes, gold, _ := sharedTables(t)
	if len(codes) != len(Codes()) {
		t.Errorf("shared file has %d codes, table %d", len(codes), len(Codes()))
	}
	for _, nc := range codes {
		c, ok := Lookup(nc.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", nc.code)
			continue
		}
		if c.Name != nc.name || c.Goldstein != gold[nc.code] || c.Inherited() || c.Root != nc.code[:2] {
			t.Errorf("Lookup(%q) = %+v, want name %q goldstein %v", nc.code, c, nc.name, gold[nc.code])
		}
	}
	// Known values, asserted against the shared file rather than constants.
	for _, code := range []string{"042", "043", "036", "057", "111", "1121", "138", "190"} {
		c, _ := Lookup(code)
		if g, ok := gold[code]; !ok || c.Goldstein != g {
			t.Errorf("Goldstein(%s) = %v, shared file %v (present %v)", code, c.Goldstein, g, ok)
		}
	}
}

func TestQuadClasses(t *testing.T) {
	want := map[string]int{"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
		"09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}
	for _, c := range Codes() {
		if c.Quad != want[c.Root] {
			t.Errorf("%s quad = %d, want %d", c.Code, c.Quad, want[c.Root])
		}
		if QuadName(c.Quad) == "" {
			t.Errorf("%s: quad %d has no name", c.Code, c.Quad)
		}
	}
	for _, q := range []int{0, 5, -1} {
		if QuadName(q) != "" {
			t.Errorf("QuadName(%d) should be empty", q)
		}
	}
	if QuadOfRoot("00") != 0 || QuadOfRoot("21") != 0 || QuadOfRoot("x1") != 0 {
		t.Error("QuadOfRoot accepts a non-root")
	}
}

// TestPLOVERPerRoot checks each root's PLOVER type against the root lines of
// the shared mapping (01 and 02 are dropped by PLOVER: no type).
func TestPLOVERPerRoot(t *testing.T) {
	_, _, plover := sharedTables(t)
	for _, r := range Roots() {
		want := plover[r.Code].event
		if r.PLOVER != want {
			t.Errorf("root %s PLOVER = %q, mapping says %q", r.Code, r.PLOVER, want)
		}
		if (r.Code == "01" || r.Code == "02") != (want == "") {
			t.Errorf("root %s: PLOVER %q: only 01 and 02 may be unmapped", r.Code, want)
		}
	}
	// Every mapped code agrees with its own mapping line.
	for _, c := range Codes() {
		if p, ok := plover[c.Code]; ok && (p.event != c.PLOVER || p.mode != c.PLOVERMode || p.context != c.PLOVERContext) {
			t.Errorf("%s PLOVER = %s/%s/%s, mapping %s/%s/%s", c.Code, c.PLOVER, c.PLOVERMode, c.PLOVERContext, p.event, p.mode, p.context)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in                   string
		ok                   bool
		base, root, plover   string
		inherited, wantQuad4 bool
	}{
		{in: "042", ok: true, base: "042", root: "04", plover: "CONSULT"},
		{in: " 04 ", ok: true, base: "04", root: "04", plover: "CONSULT"},
		{in: "0841", ok: true, base: "0841", root: "08", plover: "RETREAT"},
		{in: "0831", ok: true, base: "0831", root: "08", plover: "CONCEDE"},
		{in: "0431", ok: true, base: "043", root: "04", plover: "CONSULT", inherited: true},
		{in: "099", ok: true, base: "09", root: "09", plover: "ACCUSE", inherited: true},
		{in: "1999", ok: true, base: "19", root: "19", plover: "ASSAULT", inherited: true, wantQuad4: true},
		{in: "0101", ok: true, base: "010", root: "01", plover: "", inherited: true},
		{in: "", ok: false}, {in: "4", ok: false}, {in: "00", ok: false}, {in: "21", ok: false},
		{in: "210", ok: false}, {in: "04a", ok: false}, {in: "04211", ok: false}, {in: "---", ok: false},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.in)
		if ok != tt.ok {
			t.Errorf("Lookup(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if c.Base != tt.base || c.Root != tt.root || c.PLOVER != tt.plover || c.Inherited() != tt.inherited {
			t.Errorf("Lookup(%q) = %+v", tt.in, c)
		}
		parent, _ := Lookup(tt.base)
		if c.Name != parent.Name || c.Goldstein != parent.Goldstein || c.Quad != parent.Quad {
			t.Errorf("Lookup(%q) values differ from base %s", tt.in, tt.base)
		}
		if tt.wantQuad4 && c.Quad != MaterialConflict {
			t.Errorf("Lookup(%q) quad %d", tt.in, c.Quad)
		}
	}
}

func TestCodesIsACopy(t *testing.T) {
	a := Codes()
	a[0].Name = "changed"
	if Codes()[0].Name == "changed" {
		t.Fatal("Codes() exposes the table")
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"042", "0431", "", "20", "9999", "0\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Lookup(s)
		if ok && (c.Root == "" || c.Quad < 1 || c.Quad > 4 || c.Name == "") {
			t.Fatalf("Lookup(%q) = %+v", s, c)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	codes := []string{"042", "0431", "190", "1121", "057"}
	for i := 0; b.Loop(); i++ {
		if _, ok := Lookup(codes[i%len(codes)]); !ok {
			b.Fatal("miss")
		}
	}
}

// TestNamesClean asserts every name in the table is clean printable text:
// the shared file's mis-encoded quotes must not leak into events.
func TestNamesClean(t *testing.T) {
	for _, c := range Codes() {
		if err := checkCleanName(c.Name); err != nil {
			t.Errorf("%s name %q: %v", c.Code, c.Name, err)
		}
	}
	if c, _ := Lookup("044"); c.Name != `Meet at a "third" location` {
		t.Errorf("044 name = %q", c.Name)
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct {
		code, raw, want string
		ok              bool
	}{
		{"044", "Meet at a \u00d2hird\u00d3location", `Meet at a "third" location`, true},
		{"044", "Meet at a \u201cthird\u201d location", `Meet at a "third" location`, true},
		{"042", "Make a visit", "Make a visit", true},
		{"042", "Don\u00d5t  visit ", "Don't visit", true},
		{"042", "bad \u00ff", "", false},
		{"042", "ctl \x01", "", false},
		{"042", "say \"x\"y", "", false},
		{"042", "", "", false},
	}
	for _, tt := range tests {
		got, err := cleanName(tt.code, tt.raw)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("cleanName(%q, %q) = %q, %v; want %q ok=%v", tt.code, tt.raw, got, err, tt.want, tt.ok)
		}
	}
}
