// Command civickit is the command-line interface to civickit: content
// standards checks, decision journeys, ward networks, personas and the
// social-media audit. Run "civickit help" for the list of commands.
//
// Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input
// error.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"
)

// Command is one civickit subcommand. A command either runs (Run) or groups
// further subcommands (Sub), as "civickit journey show" does.
type Command struct {
	Name      string     // the word that selects the command
	UsageLine string     // e.g. "check [flags] FILE...|-"
	Short     string     // one line for "civickit help"
	Long      string     // the full help text
	Sub       []*Command // subcommands, for grouping commands
	// SetFlags declares the command's flags, bound to variables of the
	// command's own file; a fresh [flag.FlagSet] resets them to defaults.
	SetFlags func(fs *flag.FlagSet)
	// Run runs the command with the arguments left after the command words;
	// it parses them with [Command.FlagSet] and [parseFlags].
	Run func(ctx context.Context, env *Env, cmd *Command, args []string) error
}

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// commands is the table of top-level commands, sorted by name when listed.
var commands = []*Command{
	// one line per command; keep sorted
	auditCmd,
	cmdCheck,
	clusterCmd,
	cmdCompose,
	contentCmd,
	cmdDemo,
	feedbackCmd,
	journeyCmd,
	networkCmd,
	panelCmd,
	personasCmd,
	pilotsCmd,
	cmdSchema,
	cmdValidate,
	widgetsCmd,
}

// errFindings reports that a command found problems at or above the
// --fail-on level; the CLI exits 1 and prints nothing more.
var errFindings = errors.New("findings at or above the --fail-on level")

// errReported reports that a command has already printed its errors; the
// CLI exits 2 and prints nothing more.
var errReported = errors.New("errors reported")

// usageError is a command-line mistake; the CLI prints it with the
// command's usage and exits 2.
type usageError struct {
	cmd *Command
	msg string
}

func (e *usageError) Error() string { return e.msg }

// usagef returns a usage error for cmd.
func usagef(cmd *Command, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

func main() {
	os.Exit(mainExit(os.Stdin, os.Stdout, os.Stderr, os.Args[1:], nil))
}

// interruptGrace is how long a command may take to stop after Ctrl-C
// before the process exits anyway.
const interruptGrace = time.Second

// exitInterrupted is the exit status after Ctrl-C or SIGTERM, as a shell
// reports a process killed by SIGINT (128 + 2).
const exitInterrupted = 130

// mainExit runs the command line with the process's files and returns the
// exit status. Standard output is held until the command succeeds, so an
// interrupted or failed command leaves no partial output in a file it was
// redirected to; a failure to write it (a full disk, a closed pipe) is an
// error with status 2. The first Ctrl-C (or SIGTERM) cancels the command's
// context; if the command has not returned within [interruptGrace], the
// process exits with status 130 anyway, writing nothing to standard output.
//
// ready, when not nil, is called once the signal handler is in place (the
// tests wait for it before they send SIGINT).
func mainExit(stdin io.Reader, stdout, stderr io.Writer, args []string, ready func()) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	if ready != nil {
		ready()
	}
	go func() {
		select {
		case <-sig:
		case <-ctx.Done():
			return
		}
		cancel()
		signal.Stop(sig) // a second Ctrl-C kills at once
		time.Sleep(interruptGrace)
		fmt.Fprintln(stderr, "civickit: interrupted")
		os.Exit(exitInterrupted)
	}()
	var out bytes.Buffer
	code := run(ctx, &Env{Stdin: stdin, Stdout: &out, Stderr: stderr}, args)
	if ctx.Err() != nil {
		return exitInterrupted
	}
	if code == 0 || code == 1 {
		widenPipe(stdout, out.Len())
		if _, err := out.WriteTo(stdout); err != nil {
			fmt.Fprintf(stderr, "civickit: writing output: %v\n", err)
			return 2
		}
	} else if out.Len() > 0 && len(args) > 0 && isHelp(args[0]) {
		out.WriteTo(stdout)
	}
	return code
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	return arg == "help" || arg == "-h" || arg == "--help" || arg == "-help"
}

// run runs the command line args and returns the exit status.
func run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 {
		printHelp(env.Stderr, nil, commands)
		return 2
	}
	if isHelp(args[0]) {
		return help(env, args[1:])
	}
	cmd, rest, path, err := lookup(commands, args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "civickit: %v\nRun 'civickit help' for usage.\n", err)
		return 2
	}
	if cmd.Run == nil {
		printHelp(env.Stderr, path, cmd.Sub)
		return 2
	}
	err = cmd.Run(ctx, env, cmd, rest)
	var ue *usageError
	switch {
	case ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled) || errors.Is(err, errReported)):
		fmt.Fprintf(env.Stderr, "civickit %s: interrupted\n", strings.Join(path, " "))
		return exitInterrupted
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		printUsage(env.Stdout, cmd)
		return 0
	case errors.Is(err, errFindings):
		return 1
	case errors.Is(err, errReported):
		return 2
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "civickit %s: %s\n", strings.Join(path, " "), ue.msg)
		printUsage(env.Stderr, cmd)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "civickit %s: %v\n", strings.Join(path, " "), err)
		return 2
	}
}

// lookup walks the command table by the words of args.
func lookup(table []*Command, args []string) (cmd *Command, rest, path []string, err error) {
	for len(args) > 0 {
		var found *Command
		for _, c := range table {
			if c.Name == args[0] {
				found = c
				break
			}
		}
		if found == nil {
			if cmd != nil {
				return cmd, args, path, nil
			}
			return nil, nil, path, fmt.Errorf("unknown command %q", args[0])
		}
		cmd, path, args = found, append(path, found.Name), args[1:]
		if len(found.Sub) == 0 {
			break
		}
		table = found.Sub
	}
	return cmd, args, path, nil
}

func help(env *Env, args []string) int {
	if len(args) == 0 {
		printHelp(env.Stdout, nil, commands)
		return 0
	}
	cmd, _, path, err := lookup(commands, args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "civickit help: %v\n", err)
		return 2
	}
	if cmd.Run == nil {
		printHelp(env.Stdout, path, cmd.Sub)
		return 0
	}
	printUsage(env.Stdout, cmd)
	return 0
}

func printHelp(w io.Writer, path []string, table []*Command) {
	prefix := strings.TrimSpace("civickit " + strings.Join(path, " "))
	fmt.Fprintf(w, "civickit makes council democratic content clear and puts councillors at the\nheart of their ward's civic networks.\n\nUsage:\n\n\t%s <command> [arguments]\n\nThe commands are:\n\n", prefix)
	sorted := append([]*Command(nil), table...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, c := range sorted {
		fmt.Fprintf(w, "\t%-12s %s\n", c.Name, c.Short)
	}
	helpPrefix := strings.TrimSpace("civickit help " + strings.Join(path, " "))
	fmt.Fprintf(w, "\nUse \"%s <command>\" for more about a command.\nExit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.\n", helpPrefix)
}

func printUsage(w io.Writer, cmd *Command) {
	fmt.Fprintf(w, "usage: civickit %s\n\n%s\n", cmd.UsageLine, strings.TrimSpace(cmd.Long))
	fs := cmd.FlagSet()
	if hasFlags(fs) {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// FlagSet returns a fresh flag set for c with its declared flags. Parse
// errors are returned, not printed, so the CLI can exit 2 with usage.
func (c *Command) FlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if c.SetFlags != nil {
		c.SetFlags(fs)
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parseFlags parses args with fs, turning flag errors into usage errors.
// It accepts flags after positional arguments too ("check a.md --format json").
func parseFlags(cmd *Command, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef(cmd, "%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openArg opens a command's file argument: the named file, or standard
// input for "-". It returns the name to show in messages ("<stdin>" for
// "-"); the caller closes r.
func openArg(env *Env, name string) (r io.ReadCloser, display string, err error) {
	if name == "-" {
		return io.NopCloser(env.Stdin), "<stdin>", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, err
	}
	return f, name, nil
}
