// Package bench runs ingest against the real SQLite store: the integration
// tests (ingest twice, feed polling state) and the throughput benchmarks
// BenchmarkIngestReuters and BenchmarkIngestReutersExtract:
//
//	go test ./internal/ingest/bench -run X -bench . -benchtime 1x
//
// The benchmarks read ../shared/data/news/reuters21578.jsonl.gz and skip
// without it. It is a package of its own so that the ingest unit tests do not
// depend on the store.
package bench
