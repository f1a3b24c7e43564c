package quote

import (
	"fmt"
	"os"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/sentence"
)

func TestZZDbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("ZZ"))
	text := string(b)
	r := []rune(text)
	sents := sentence.Split(text)
	f := &finder{r: r, sents: sents, segs: segments(r), genders: map[string]byte{}}
	for _, c := range f.cueSubjects() {
		fmt.Printf("%+v\n", c)
	}
}
