package event

import "testing"

func TestCalendarDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2023-07-11", "2023-07-11", true},
		{"2023-07", "2023-07", true},
		{"2022", "2022", true},
		{"2023-W28", "2023-07-10", true}, // ISO week 28 of 2023 starts Monday 10 July
		{"2021-W01", "2021-01-04", true},
		{"2020-W53", "2020-12-28", true},
		{"2023-SU", "", false},
		{"199", "", false},
		{"2023-W99", "", false},
		{"", "", false},
		{"2023-13-40", "", false},
	}
	for _, tt := range tests {
		got, ok := calendarDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("calendarDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
