package eval

import (
	"fmt"
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
