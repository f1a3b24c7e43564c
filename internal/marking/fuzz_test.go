package marking

import (
	"reflect"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"PUBLIC", "NATO RESTRICTED // REL TO NATO, JPN, KOR", "NS // ATOMAL // REL TO USA",
		"nr//rel to ip4", "NATO SECRET // REL TO", "// //", "REL TO NATO"} {
		f.Add(s)
	}
	p := Default()
	r := resolverAt(july2023)
	f.Fuzz(func(t *testing.T, text string) {
		m, err := Parse(p, r, text)
		if err != nil {
			return
		}
		again, err := Parse(p, r, Format(m))
		if err != nil {
			t.Fatalf("Format(Parse(%q)) = %q does not parse: %v", text, Format(m), err)
		}
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("round trip of %q: %+v != %+v", text, again, m)
		}
		_ = p.TLP(m)
	})
}

func FuzzParsePolicy(f *testing.F) {
	f.Add(string(defaultPolicyJSON))
	f.Add(`{"levels":[{"name":"A","tlp":"RED","aliases":["B"],"default_rel_to":["USA"]}],"caveats":["X"]}`)
	f.Add(`{"levels":[]}`)
	f.Fuzz(func(t *testing.T, data string) {
		p, err := ParsePolicy([]byte(data))
		if err != nil {
			return
		}
		for i, l := range p.Levels {
			got, err := p.Level(l.Name)
			if err != nil || got != i {
				t.Fatalf("level %q resolves to %d, %v; want %d", l.Name, got, err, i)
			}
			m, err := Parse(p, resolverAt(july2023), l.Name)
			if err == nil && Format(m) == "" {
				t.Fatalf("empty format for level %q", l.Name)
			}
		}
	})
}
