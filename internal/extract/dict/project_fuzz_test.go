package dict

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzTABARIProject: the .project loader returns an error or a project
// with options, never panics, on an arbitrary project file naming
// arbitrary dictionary files. Each file the project may name holds body.
// Inputs reaching outside the temporary directory ("..") are skipped, so
// the fuzzer cannot make the loader read the machine's files.
func FuzzTABARIProject(f *testing.F) {
	f.Add("Demo\n<actorsfile> \tp.actors\n<verbsfile> p.verbs\n<optionsfile> p.options\n<agentsfile> p.agents\n<textfile> p.text\n<coder> X\n<session 1> <coder x>\n",
		"<SYNSETS>\n&T\n+A\n</SYNSETS>\nV [010]\n- * &T [011]\nA [AAA]\n")
	f.Add("<verbsfile>p.verbs\n<verbsfile>\n<VERBSFILE> p.verbs\n<actorsfile> missing\n", "COMPLEX: VERBS[5]\nSET: MINIMUM WORDS = 3\n")
	f.Add("<optionsfile> p.options\r\n<agentsfile> p.agents", "PRESIDENT_ [~GOVPRS]\nDEFAULT: SOURCE [X] PRIOR\n")
	f.Add("<", ">")
	f.Fuzz(func(t *testing.T, project, body string) {
		if strings.Contains(project, "..") || strings.ContainsRune(project, 0) {
			t.Skip()
		}
		dir := t.TempDir()
		for _, name := range []string{"p.actors", "p.verbs", "p.options", "p.agents"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, "p.project")
		if err := os.WriteFile(path, []byte(project), 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := LoadTABARIProject(path)
		if err != nil {
			if p != nil {
				t.Fatalf("error %v with a project", err)
			}
			return
		}
		if p == nil || p.Dict == nil || p.Dict.Options == nil {
			t.Fatalf("no error and an incomplete project: %+v", p)
		}
	})
}

// TestTABARIProjectNames: the loader follows the project's file names
// relative to the project, takes the options it names and reports a
// named file that is missing.
func TestTABARIProjectNames(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"p.verbs":   "ACCUS  [112]\n",
		"p.actors":  "RUSSIA [RUS]\n",
		"p.options": "SET: MINIMUM WORDS = 3\n",
		"p.project": "Test\n<actorsfile> \tp.actors\n<verbsfile> p.verbs\n<optionsfile> p.options\n<textfile> p.text\n",
		"q.project": "<verbsfile> p.verbs\n<actorsfile> missing.actors\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := LoadTABARIProject(filepath.Join(dir, "p.project"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Dict.Verbs) != 1 || len(p.Dict.Actors) != 1 || p.Dict.Options.MinWords != 3 || p.TextFile != filepath.Join(dir, "p.text") {
		t.Errorf("project: %d verbs, %d actors, min words %d, text %q", len(p.Dict.Verbs), len(p.Dict.Actors), p.Dict.Options.MinWords, p.TextFile)
	}
	if _, err := LoadTABARIProject(filepath.Join(dir, "q.project")); err == nil || !strings.Contains(err.Error(), "missing.actors") {
		t.Errorf("missing actors file: err = %v, want one naming it", err)
	}
}
