package main

import (
	"math"
	"testing"
)

func TestParseCountryTopology(t *testing.T) {
	// Arc 0 is a 10x10 square from (0,0) drawn in two halves (arcs 0 and 1,
	// the second used reversed); arc 2 a 2x2 island; arc 3 a ring over the
	// antimeridian (179..-179). Quantized: scale 1, translate 0.
	topo := `{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
	"arcs":[[[0,0],[10,0],[0,10]],[[0,0],[0,10],[10,0]],[[50,50],[2,0],[0,2],[-2,0],[0,-2]],
	        [[179,10],[-358,0],[0,2],[358,0],[0,-2]]],
	"objects":{"countries":{"type":"GeometryCollection","geometries":[
	 {"type":"MultiPolygon","id":"001","properties":{"name":"Squareland"},"arcs":[[[0,-2]],[[2]]]},
	 {"type":"Polygon","id":"002","properties":{"name":"Dateline"},"arcs":[[3]]}]}}}`
	largest, all, err := parseCountryTopology([]byte(topo))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		got      [2]float64
		lat, lon float64
	}{
		{"largest by id", largest["001"], 5, 5},
		{"largest by name", largest["name:Squareland"], 5, 5},
		{"all parts", all["001"], 6.65, 6.02}, // area-weighted mean of (5,5) and (51,51) on the sphere
		{"antimeridian", largest["002"], 11, 180},
	} {
		if math.Abs(tc.got[0]-tc.lat) > 0.3 || math.Abs(math.Abs(tc.got[1])-tc.lon) > 0.3 {
			t.Errorf("%s: got %v, want %v,%v", tc.name, tc.got, tc.lat, tc.lon)
		}
	}
	if _, _, err := parseCountryTopology([]byte(`{"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":"x"}]}}}`)); err == nil {
		t.Error("bad arcs: no error")
	}
}

func FuzzParseCountryTopology(f *testing.F) {
	f.Add([]byte(`{"arcs":[[[0,0],[1,0],[0,1]]],"objects":{"countries":{"geometries":[{"type":"Polygon","id":"1","arcs":[[0,-1,~0]]}]}}}`))
	f.Add([]byte(`{"transform":{"scale":[1,1],"translate":[0,0]},"arcs":[[]],"objects":{"countries":{"geometries":[{"type":"MultiPolygon","arcs":[[[5,-9]],[[]],[]]}]}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = parseCountryTopology(b) // must not panic
	})
}
