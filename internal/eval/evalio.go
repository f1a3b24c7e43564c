package eval

import (
	"fmt"
	"io"
	"os"
)

// openFile opens a gold file, naming it in the error.
func openGold(p string) (*os.File, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return f, nil
}

// readGold opens the shared gold file rel and reads it with read; a missing
// ../shared answers ErrNoData, so that suites can say the data is absent.
func readGold[T any](rel string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	p, err := sharedPath(rel)
	if err != nil {
		return zero, err
	}
	f, err := openGold(p)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(f)
}
