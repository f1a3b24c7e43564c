package eval

import (
	"context"
	"io"
)

// QuotesSuite scores the quote finder on the PolNeAR test split.
func QuotesSuite() Suite {
	return Suite{Name: "quotes/polnear", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		return Result{}, ErrNoData
	}}
}
