package dict

import (
	"maps"
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
