// Command factcheck builds compiled fact-check indexes, ranks and checks
// text against them, evaluates the matcher, and serves the site and API.
//
//	factcheck index -o corpus.fcx [--strict] INPUT...
//	factcheck fetch-fct --key KEY --query Q [--language L] [--max-pages N] -o FILE
//	factcheck rank  --corpus FILE --queries Q.tsv [--k 5] [--tag NAME]
//	factcheck check --corpus FILE [--date YYYY-MM-DD] [TEXT-FILE|-]
//	factcheck check --corpus FILE --queries Q.tsv
//	factcheck eval  --corpus FILE --queries Q.tsv --qrels Q.qrels [--plot FILE.svg]
//	factcheck serve [--addr 127.0.0.1:8080] [--corpus FILE]
//	factcheck site  -o DIR [--corpus FILE]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// usageError marks errors caused by the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

type command struct {
	name, args, help string
	run              func(args []string, stdout, stderr io.Writer) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(args[1:], stdout, stderr)
			return reportError(stderr, err)
		}
	}
	fmt.Fprintf(stderr, "factcheck: unknown command %q (try: factcheck help)\n", args[0])
	return 2
}

func reportError(stderr io.Writer, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	fmt.Fprintln(stderr, "factcheck: "+msg)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "factcheck: match text against fact-check corpora")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  factcheck %s %s\n      %s\n", c.name, c.args, c.help)
	}
}

// newFlags returns a FlagSet whose errors come back as usage errors and
// whose help goes to stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{fs.Name() + ": " + err.Error()}
	}
	return nil
}
