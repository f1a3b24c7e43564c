// Package extract is Liaison's extraction engine for programs that embed it:
// it reads a report's text and finds its sentences, its actors coded in the
// CAMEO actor scheme (JPNGOV, IGOWSTNAT), its places with coordinates, its
// dates resolved against the report's date, its direct quotes with their
// speakers, and its events coded in CAMEO and PLOVER (who did what to whom,
// when and where). It is the engine behind `liaison extract` and the ingest
// pipeline, and its Output is the JSON line that command writes.
//
// The engine is pure Go and needs no downloads: Default uses the built-in
// dictionaries and gazetteer. New adds what a user brings — the dictionaries
// of a TABARI .project file or a PETRARCH directory (optionally with the
// built-in ones underneath), actor dictionaries in the project format or
// PETRARCH's, and a gazetteer imported by `liaison gazetteer import`.
//
// An Engine is safe for concurrent use: build it once (loading dictionaries
// takes a fraction of a second, an imported GeoNames gazetteer about one
// second) and call Extract from as many goroutines as there are cores.
//
// Offsets in the Output are Unicode code point offsets into Input.Text, end
// exclusive. Date values are ISO 8601 at the precision the text gives
// (2022, 2022-06, 2023-07-11).
package extract
