package dict

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseOntology(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]string
		wantErr  bool
	}{
		{"negated disapproval is cooperation and back",
			"# comment\n050:0x0080#DiplomaticCoop\n110:0x1007f#0xFFFF+0x0080#Disapprove\n",
			map[string]string{"050": "110", "110": "050"}, false},
		{"not reject is the thing rejected",
			"070:0x0070\n121:-0xFFFF+0x0070\n",
			map[string]string{"121": "070"}, false},
		{"first code of a value wins",
			"057:0x0087\n0571:0x0087\n170:0x10086#0x0087+0xFFFF\n",
			map[string]string{"057": "170", "0571": "170", "170": "057"}, false},
		{"null code skipped", "---:0\n010:0x1000\n011:0x1000-0xFFFF\n", map[string]string{"011": "010"}, false},
		{"bad code", "ab:0x1\n", nil, true},
		{"bad value", "010:0xZZ\n", nil, true},
		{"empty value", "010:#x\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOntology(strings.NewReader(tt.in), "test.txt")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzParseOntology(f *testing.F) {
	f.Add("050:0x0080\n110:0x1007f#x\n")
	f.Add("121:-0xFFFF+0x0070\n---:0\n")
	f.Add("1:-\n22:+-\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseOntology(strings.NewReader(s), "fuzz")
		if err == nil {
			for k, v := range m {
				if k == v {
					t.Fatalf("code %s negates to itself", k)
				}
			}
		}
	})
}

// TestLoadPETRARCHOntology checks that a directory holding a coding
// ontology is read as UD-PETRARCH dictionaries: negations loaded and its
// conventions on; without one, plain PETRARCH options.
func TestLoadPETRARCHOntology(t *testing.T) {
	write := func(dir, name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, withOnt := range []bool{false, true} {
		dir := t.TempDir()
		write(dir, "test_verbs.txt", "--- CLASH [190] ---\nCLASH\n- * OVER  [110]\n")
		write(dir, "test_actors.txt", "GONDOR [GON]\n")
		if withOnt {
			write(dir, "test_Ontology.txt", "050:0x0080\n110:0x1007f\n")
		}
		d, err := LoadPETRARCH(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Negations["110"] == "050"; got != withOnt {
			t.Errorf("ontology %v: negation loaded = %v", withOnt, got)
		}
		if d.Options.KeepCodedCompounds != withOnt || d.Options.VerbPhrasePatterns != withOnt {
			t.Errorf("ontology %v: UD options = %+v", withOnt, d.Options)
		}
	}
}
