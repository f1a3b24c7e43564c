package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/date"
	"github.com/liaison-project/liaison/internal/extract/place"
)

// maxLineBytes bounds one input line; longer lines are reported and skipped
// without being held in memory.
const maxLineBytes = 12 << 20

// extractJob is one input document and where it came from.
type extractJob struct {
	where string // file:line for messages
	in    liaison.ExtractInput
	err   error // an input error found while reading
}

// extractResult is a job's output line or its error.
type extractResult struct {
	where string
	line  []byte
	err   error
}

func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dateFlag := fs.String("date", "", "document date (YYYY-MM-DD) for inputs without one")
	explain := fs.Bool("explain", false, "add the dictionary entry that produced each event")
	tabari := fs.String("tabari", "", "code events with the dictionaries a TABARI .project file names")
	petrarch := fs.String("petrarch", "", "code events with the PETRARCH-format dictionaries in `DIR`")
	builtin := fs.Bool("builtin", false, "stack the built-in dictionaries under --tabari or --petrarch: they code what the loaded ones leave uncoded")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "documents extracted in parallel")
	aopt := actorFlags(fs)
	data := fs.String("data", "", "data directory whose imported gazetteer ('liaison gazetteer import') is used (default: $XDG_DATA_HOME/liaison or ~/.local/share/liaison; the built-in gazetteer when it holds none)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: liaison extract [flags] [FILES...]\n\nReads JSON lines {\"id\",\"text\",\"date\",\"title\"} (or .txt files, dated by --date or by a date on their first line) from FILES or stdin (\"-\") and writes one extraction per line, in input order. Bad inputs are reported on stderr, one line each; the others go on, and the exit status is then 1.")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *dateFlag != "" {
		if _, err := extract.ParseDate(*dateFlag); err != nil {
			return fmt.Errorf("--date: %w", err)
		}
	}
	if *builtin && *tabari == "" && *petrarch == "" {
		return liaison.Errorf(liaison.ErrInvalid, "--builtin only stacks the built-in dictionaries under --tabari or --petrarch (without either they are used anyway)")
	}
	eng, err := newExtractEngine(*data, *aopt, extract.Dictionaries{TABARIProject: *tabari, PETRARCHDir: *petrarch, Builtin: *builtin, Explain: *explain})
	if err != nil {
		return err
	}
	jobs := make(chan extractJob)
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- readInputs(ctx, env.Stdin, pos, *dateFlag, jobs)
	}()
	failed, err := extractAll(ctx, eng, jobs, max(1, *workers), env.Stdout, env.Stderr)
	if rerr := <-readErr; rerr != nil {
		fmt.Fprintf(env.Stderr, "extract: %v\n", rerr)
		failed++
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errSilentFailure
	}
	return nil
}

// actorFlags declares the flags that add the user's actor dictionaries to
// the built-in ones.
func actorFlags(fs *flag.FlagSet) *actor.Options {
	var o actor.Options
	fs.Func("actors", "an actor dictionary `FILE` in the project format (kind | names | codes; repeatable)", func(v string) error {
		o.Files = append(o.Files, v)
		return nil
	})
	fs.Func("petrarch-actors", "a PETRARCH/Phoenix actor `FILE` for the actor finder (repeatable)", func(v string) error {
		o.PetrarchActors = append(o.PetrarchActors, v)
		return nil
	})
	fs.StringVar(&o.PetrarchAgents, "petrarch-agents", "", "a PETRARCH agents `FILE` (Phoenix.agents.txt) whose nouns become role words")
	return &o
}

// newExtractEngine builds the engine with the user's actor dictionaries
// (aopt) and the gazetteer imported into the data directory when it holds
// one: an import ('liaison gazetteer import') is what gives full coverage,
// so extract must use it. data is the raw --data value.
func newExtractEngine(data string, aopt actor.Options, d extract.Dictionaries) (*extract.Engine, error) {
	dir, err := resolveDataDir(data)
	if err != nil {
		if data != "" {
			return nil, err
		}
		dir = "" // no home directory: the built-in gazetteer
	}
	if data != "" && !fileExists(dir) {
		return nil, fmt.Errorf("--data %s: %w", data, liaison.ErrNotFound)
	}
	s := extract.Setup{Dictionaries: d, Actors: aopt}
	if dir != "" && fileExists(filepath.Join(dir, place.FileName)) {
		s.GazetteerDir = dir
	}
	return extract.Build(s)
}

// extractAll runs jobs on n workers and writes results in input order.
func extractAll(ctx context.Context, eng *extract.Engine, jobs <-chan extractJob, n int, stdout, stderr io.Writer) (int, error) {
	order := make(chan chan extractResult, 4*n)
	sem := make(chan struct{}, n)
	go func() {
		defer close(order)
		for j := range jobs {
			ch := make(chan extractResult, 1)
			order <- ch
			sem <- struct{}{}
			go func(j extractJob) {
				defer func() { <-sem }()
				ch <- extractOne(ctx, eng, j)
			}(j)
		}
	}()
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	failed := 0
	var werr error
	for ch := range order {
		r := <-ch
		if r.err != nil {
			failed++
			fmt.Fprintf(stderr, "extract: %s: %v\n", r.where, r.err)
			continue
		}
		if werr == nil {
			_, werr = w.Write(r.line)
		}
	}
	if werr != nil {
		return failed, fmt.Errorf("writing output: %w", werr)
	}
	return failed, nil
}

func extractOne(ctx context.Context, eng *extract.Engine, j extractJob) extractResult {
	r := extractResult{where: j.where}
	if j.err != nil {
		r.err = j.err
		return r
	}
	x, err := eng.Extract(ctx, j.in)
	if err != nil {
		r.err = err
		return r
	}
	b, err := json.Marshal(x)
	if err != nil {
		r.err = err
		return r
	}
	r.line = append(b, '\n')
	return r
}

// readInputs turns stdin or each file into jobs.
func readInputs(ctx context.Context, stdin io.Reader, files []string, defDate string, jobs chan<- extractJob) error {
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if name == "-" {
			readJSONLines(ctx, "stdin", stdin, defDate, jobs)
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			jobs <- extractJob{where: name, err: err}
			continue
		}
		if strings.EqualFold(filepath.Ext(name), ".txt") {
			jobs <- readTextFile(name, f, defDate)
		} else {
			readJSONLines(ctx, name, f, defDate, jobs)
		}
		f.Close()
	}
	return nil
}

// readTextFile reads a whole .txt file as one document dated by defDate or
// by a date on its first line; a first line that is a date is the
// report's date and not part of its text.
func readTextFile(name string, f io.Reader, defDate string) extractJob {
	where := name + ":1"
	b, err := io.ReadAll(io.LimitReader(f, extract.MaxTextBytes+1))
	if err != nil {
		return extractJob{where: where, err: err}
	}
	if err := checkText(b); err != nil {
		return extractJob{where: where, err: err}
	}
	text := string(b)
	d := defDate
	if fd := firstLineDate(text); fd != "" {
		// the date line is the report's date, not its text: blanked, so
		// that offsets still count from the start of the file
		text = blankFirstLine(text)
		if d == "" {
			d = fd
		}
	}
	if d == "" {
		return extractJob{where: where, err: fmt.Errorf("missing date: give --date or put the date on the first line: %w", liaison.ErrInvalid)}
	}
	id := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return extractJob{where: where, in: liaison.ExtractInput{ID: id, Text: text, Date: d}}
}

// firstLineDate returns the day a text's first line gives ("July 9, 2023",
// "2023-07-09"), or "".
func firstLineDate(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 60 {
		return ""
	}
	for _, m := range date.Find(line, nil, time.Now().UTC()) {
		if len(m.Value) == 10 && m.EndValue == "" && strings.Contains(m.Text, m.Value[:4]) {
			return m.Value
		}
	}
	return numericDate(line)
}

// blankFirstLine replaces the first line's characters with spaces,
// keeping the line break and every later offset.
func blankFirstLine(text string) string {
	line, rest, found := strings.Cut(text, "\n")
	if !found {
		return strings.Repeat(" ", utf8.RuneCountInString(line))
	}
	return strings.Repeat(" ", utf8.RuneCountInString(line)) + "\n" + rest
}

// numericDate reads the all-digit forms a first line may hold and the date
// finder leaves alone: "2023/07/09", "2023.07.09", "20230709" and an
// RFC 3339 time stamp, alone on the line.
func numericDate(line string) string {
	for _, layout := range []string{"2006/01/02", "2006.01.02", "20060102", time.RFC3339} {
		if t, err := time.Parse(layout, line); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// checkText rejects text that is not text: invalid UTF-8 or NUL bytes.
func checkText(b []byte) error {
	if len(b) > extract.MaxTextBytes {
		return fmt.Errorf("text exceeds the %d byte limit: %w", extract.MaxTextBytes, liaison.ErrInvalid)
	}
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return fmt.Errorf("binary input (not UTF-8 text): %w", liaison.ErrInvalid)
	}
	return nil
}

// readJSONLines reads one JSON object a line, reporting bad lines as
// failed jobs and going on.
func readJSONLines(ctx context.Context, name string, r io.Reader, defDate string, jobs chan<- extractJob) {
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return
		}
		line, tooLong, err := readLine(br)
		where := fmt.Sprintf("%s:%d", name, n)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			jobs <- parseLine(where, line, tooLong, defDate)
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				jobs <- extractJob{where: where, err: err}
			}
			return
		}
	}
}

// readLine reads a line up to maxLineBytes, discarding the rest of longer
// lines.
func readLine(br *bufio.Reader) ([]byte, bool, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLineBytes {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, tooLong, err
	}
}

func parseLine(where string, line []byte, tooLong bool, defDate string) extractJob {
	if tooLong {
		return extractJob{where: where, err: fmt.Errorf("line exceeds %d bytes: %w", maxLineBytes, liaison.ErrInvalid)}
	}
	if !utf8.Valid(line) {
		return extractJob{where: where, err: fmt.Errorf("binary input (not UTF-8): %w", liaison.ErrInvalid)}
	}
	var in liaison.ExtractInput
	if err := json.Unmarshal(line, &in); err != nil {
		return extractJob{where: where, err: fmt.Errorf("invalid JSON: %v: %w", err, liaison.ErrInvalid)}
	}
	if strings.TrimSpace(in.Text) == "" {
		return extractJob{where: where, err: fmt.Errorf("empty text: %w", liaison.ErrInvalid)}
	}
	if strings.IndexByte(in.Text, 0) >= 0 {
		return extractJob{where: where, err: fmt.Errorf("binary text (NUL bytes): %w", liaison.ErrInvalid)}
	}
	if in.Date == "" {
		in.Date = defDate
	}
	if in.Date == "" {
		return extractJob{where: where, err: fmt.Errorf("missing date: give \"date\" or --date: %w", liaison.ErrInvalid)}
	}
	if in.ID == "" {
		in.ID = where
	}
	return extractJob{where: where, in: in}
}
