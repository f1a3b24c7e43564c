package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/liaison-project/liaison"
)

// testConcurrent writes from several goroutines at once — including the same
// text twice — while others read: every write succeeds and each text is
// stored exactly once.
func testConcurrent(t *testing.T, s Store) {
	const workers, each = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	stored := make(chan string, workers*each)
	for w := range workers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range each {
				// Workers w and w^1 write the same texts.
				d := doc(fmt.Sprintf("Concurrent %d-%d", w/2, i), fmt.Sprintf("Concurrent text %d-%d.", w/2, i), day0)
				res, err := s.PutDocument(sys(), d)
				if err != nil {
					errs <- err
					continue
				}
				if res.Status == "stored" {
					stored <- res.ID
					errs <- s.PutExtraction(sys(), res.ID, sampleExtraction())
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range each {
				if _, err := s.Documents(sys(), liaison.DocumentFilter{Limit: 5}); err != nil {
					errs <- err
				}
				if _, err := s.Search(sys(), liaison.SearchQuery{Query: "concurrent"}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	close(stored)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	n := 0
	for range stored {
		n++
	}
	want := workers / 2 * each
	if _, total := allDocs(t, sys(), s, liaison.DocumentFilter{}); n != want || total != want {
		t.Errorf("stored %d (listed %d), want %d: each text exactly once", n, total, want)
	}
}
