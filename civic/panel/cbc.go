package panel

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// solveHook, when set (by tests), is told of each solve and its time.
var solveHook func(m *lpModel, sol *lpSolution, d time.Duration)

// CBC runs the COIN-OR Branch and Cut solver (Debian package coinor-cbc)
// on model files: the linear programmes of LEXIMIN's master problem and
// the integer programmes that find new panels. The zero value runs "cbc"
// from the PATH and writes its files under the system's temporary folder.
//
// civickit writes each model in CPLEX LP format, runs
// "cbc -import FILE ... -solu OUT" and reads the solution file; a model
// therefore costs one process start (about 10 ms) on top of the solve.
type CBC struct {
	Path string // the cbc program; "" means "cbc" found on the PATH
	Dir  string // where model files go; "" means os.TempDir()
}

// ErrNoSolver reports that the solver program cannot be found.
var ErrNoSolver = errors.New("panel: the COIN-OR CBC solver (Debian package coinor-cbc) is not installed: install it, or draw with --method greedy")

// lpModel is a linear or integer programme in a form cheap to write.
type lpModel struct {
	maximize bool
	obj      []float64 // one coefficient per variable
	lo, hi   []float64 // bounds; hi may be +Inf
	integer  bool      // every variable is integer
	rows     []lpRow
	duals    bool // read the rows' dual values too
	// method is "" for cbc's default (branch and cut, or simplex for an
	// LP), "barrier" for an interior point without crossover, "warm" for
	// the primal simplex method from the basis in warm (the dual simplex
	// method from scratch without one), "warmdual" for the dual simplex
	// method from the basis in warm, "dual" for the dual simplex method.
	method string
	// ids, when set, names variable j x<ids[j]> rather than x<j>, so that
	// a basis carries over to a model with other variables
	ids  []int32
	warm []byte // a basis (MPS basis file) to start from, for "warm"
}

type lpRow struct {
	idx   []int32
	coef  []float64
	sense byte // '<', '>' or '='
	rhs   float64
}

// lpStatus is the outcome of a solve.
type lpStatus int

const (
	lpOptimal lpStatus = iota
	lpInfeasible
	lpUnbounded
	lpOther
)

// lpSolution is a solve's outcome.
type lpSolution struct {
	status    lpStatus
	objective float64
	x         []float64
	dual      []float64 // the rows' dual values, when asked for
	line      string    // the status line, for messages
	basis     []byte    // the final basis of an LP (MPS basis file)
}

func (m *lpModel) addVar(obj, lo, hi float64) int {
	m.obj = append(m.obj, obj)
	m.lo = append(m.lo, lo)
	m.hi = append(m.hi, hi)
	return len(m.obj) - 1
}

func (m *lpModel) addRow(idx []int32, coef []float64, sense byte, rhs float64) {
	m.rows = append(m.rows, lpRow{idx: idx, coef: coef, sense: sense, rhs: rhs})
}

// id returns the number in variable j's name.
func (m *lpModel) id(j int) int {
	if m.ids != nil {
		return int(m.ids[j])
	}
	return j
}

// write writes the model in CPLEX LP format; variables are x0, x1, ...
func (m *lpModel) write(w *bufio.Writer) {
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', 15, 64) }
	term := func(first bool, c float64, j int32) {
		switch {
		case c < 0:
			w.WriteString(" - ")
			c = -c
		case !first:
			w.WriteString(" + ")
		default:
			w.WriteString(" ")
		}
		w.WriteString(num(c))
		w.WriteString(" x")
		w.WriteString(strconv.Itoa(m.id(int(j))))
	}
	if m.maximize {
		w.WriteString("Maximize\n obj:")
	} else {
		w.WriteString("Minimize\n obj:")
	}
	for j, c := range m.obj {
		term(j == 0, c, int32(j))
		if j%8 == 7 {
			w.WriteString("\n")
		}
	}
	w.WriteString("\nSubject To\n")
	for i, r := range m.rows {
		w.WriteString(" r")
		w.WriteString(strconv.Itoa(i))
		w.WriteString(":")
		for k, j := range r.idx {
			term(k == 0, r.coef[k], j)
			if k%8 == 7 {
				w.WriteString("\n")
			}
		}
		switch r.sense {
		case '<':
			w.WriteString(" <= ")
		case '>':
			w.WriteString(" >= ")
		default:
			w.WriteString(" = ")
		}
		w.WriteString(num(r.rhs))
		w.WriteString("\n")
	}
	w.WriteString("Bounds\n")
	for j := range m.obj {
		w.WriteString(" ")
		w.WriteString(num(m.lo[j]))
		w.WriteString(" <= x")
		w.WriteString(strconv.Itoa(m.id(j)))
		if !math.IsInf(m.hi[j], 1) {
			w.WriteString(" <= ")
			w.WriteString(num(m.hi[j]))
		}
		w.WriteString("\n")
	}
	if m.integer {
		w.WriteString("General\n")
		for j := range m.obj {
			w.WriteString(" x")
			w.WriteString(strconv.Itoa(m.id(j)))
			if j%16 == 15 {
				w.WriteString("\n")
			}
		}
		w.WriteString("\n")
	}
	w.WriteString("End\n")
}

// solve writes m, runs cbc on it and reads the solution.
func (s *CBC) solve(ctx context.Context, m *lpModel) (*lpSolution, error) {
	if solveHook == nil {
		return s.run(ctx, m)
	}
	t0 := time.Now()
	sol, err := s.run(ctx, m)
	solveHook(m, sol, time.Since(t0))
	return sol, err
}

// run is solve without the hook.
func (s *CBC) run(ctx context.Context, m *lpModel) (*lpSolution, error) {
	path := s.Path
	if path == "" {
		path = "cbc"
	}
	exe, err := exec.LookPath(path)
	if err != nil {
		return nil, ErrNoSolver
	}
	dir, err := os.MkdirTemp(s.Dir, "civickit-panel-")
	if err != nil {
		return nil, fmt.Errorf("panel: solver files: %w", err)
	}
	defer os.RemoveAll(dir)
	model := filepath.Join(dir, "model.lp")
	sol := filepath.Join(dir, "solution.txt")
	basisIn := filepath.Join(dir, "in.bas")
	basisOut := filepath.Join(dir, "out.bas")
	lp := !m.integer
	f, err := os.Create(model)
	if err != nil {
		return nil, fmt.Errorf("panel: solver files: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	m.write(bw)
	if err := bw.Flush(); err != nil {
		f.Close()
		return nil, fmt.Errorf("panel: solver files: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("panel: solver files: %w", err)
	}
	// each method, with others as fallbacks: Clp 2.10 can abort on an
	// assertion (ClpPrimalColumnSteepest) on a degenerate programme that
	// another method or setting solves; seen in branch and cut on the
	// 1,500-volunteer shape, where turning off perturbation solves it
	// (testdata/cbc-abort.lp)
	var variants [][]string
	switch {
	case m.integer:
		// an exact optimum: no relative or absolute gap
		variants = [][]string{
			{"-ratioGap", "0", "-allowableGap", "1e-9", "-solve"},
			{"-ratioGap", "0", "-allowableGap", "1e-9", "-perturbation", "off", "-solve"},
			{"-ratioGap", "0", "-allowableGap", "1e-9", "-scaling", "off", "-solve"},
		}
	case m.method == "barrier":
		// the normal equations of a master programme are a few hundred
		// rows and dense: dense Cholesky factors them 40% faster
		variants = [][]string{{"-cholesky", "dense", "-crossover", "off", "-barrier"}, {"-crossover", "off", "-barrier"}, {"-dualSimplex"}, {"-primalSimplex"}}
	case m.method == "dual":
		variants = [][]string{{"-dualSimplex"}, {"-primalSimplex"}, {"-barrier"}}
	case m.method == "warm" && m.warm != nil:
		if err := os.WriteFile(basisIn, m.warm, 0o600); err != nil {
			return nil, fmt.Errorf("panel: solver files: %w", err)
		}
		variants = [][]string{{"-presolve", "off", "-basisI", basisIn, "-primalSimplex"}, {"-dualSimplex"}, {"-primalSimplex"}, {"-barrier"}}
	case m.method == "warmdual" && m.warm != nil:
		if err := os.WriteFile(basisIn, m.warm, 0o600); err != nil {
			return nil, fmt.Errorf("panel: solver files: %w", err)
		}
		variants = [][]string{{"-presolve", "off", "-basisI", basisIn, "-dualSimplex"}, {"-dualSimplex"}, {"-primalSimplex"}, {"-barrier"}}
	case m.method == "warm":
		// no basis yet: the dual simplex method solves a master from
		// scratch in about half the primal's time, and leaves a basis
		variants = [][]string{{"-dualSimplex"}, {"-primalSimplex"}, {"-barrier"}}
	default:
		variants = [][]string{{"-primalSimplex"}, {"-dualSimplex"}, {"-barrier"}}
	}
	var out bytes.Buffer
	var runErr error
	for _, v := range variants {
		args := append([]string{"-import", model}, v...)
		if m.duals {
			args = append(args, "-printingOptions", "all")
		}
		if lp && (m.method == "warm" || m.method == "warmdual") {
			args = append(args, "-basisO", basisOut)
		}
		args = append(args, "-solu", sol)
		os.Remove(sol)
		cmd := exec.CommandContext(ctx, exe, args...)
		out.Reset()
		cmd.Stdout = &out
		cmd.Stderr = &out
		runErr = cmd.Run()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if runErr == nil {
			break
		}
	}
	if runErr != nil {
		// keep the model so the failure can be reported and reproduced
		kept := filepath.Join(os.TempDir(), "civickit-panel-failed.lp")
		if b, err := os.ReadFile(model); err == nil && os.WriteFile(kept, b, 0o644) == nil {
			return nil, fmt.Errorf("panel: cbc failed on every method (model kept in %s): %w: %s", kept, runErr, lastLines(out.String(), 3))
		}
		return nil, fmt.Errorf("panel: cbc failed on every method: %w: %s", runErr, lastLines(out.String(), 3))
	}
	b, err := os.ReadFile(sol)
	if err != nil {
		return nil, fmt.Errorf("panel: cbc wrote no solution: %s", lastLines(out.String(), 3))
	}
	out2, err := parseSolution(b, m.ids, len(m.obj), len(m.rows))
	if err == nil && lp && (m.method == "warm" || m.method == "warmdual") {
		out2.basis, _ = os.ReadFile(basisOut)
	}
	return out2, err
}

// basic returns the numbers of the variables x<n> that a basis file
// (MPS basis format, as cbc writes it) lists as basic: lines XU and XL
// name a basic column first, and a column not listed is non-basic.
func basic(b []byte) map[int32]bool {
	in := map[int32]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 || (f[0] != "XU" && f[0] != "XL") || len(f[1]) < 2 || f[1][0] != 'x' {
			continue
		}
		if n, err := strconv.Atoi(f[1][1:]); err == nil {
			in[int32(n)] = true
		}
	}
	return in
}

// parseSolution reads cbc's solution file: a status line, then one line
// per variable "index name value reduced-cost" (lines of variables that
// break a bound start with "**").
func parseSolution(b []byte, ids []int32, n, rows int) (*lpSolution, error) {
	var pos map[int]int // variable name number -> index, with ids
	if ids != nil {
		pos = make(map[int]int, len(ids))
		for j, id := range ids {
			pos[int(id)] = j
		}
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) == 0 {
		return nil, errors.New("panel: empty cbc solution")
	}
	s := &lpSolution{x: make([]float64, n), dual: make([]float64, rows), line: strings.TrimSpace(lines[0])}
	head := strings.ToLower(s.line)
	switch {
	case strings.HasPrefix(head, "optimal"):
		s.status = lpOptimal
	case strings.Contains(head, "infeasible"):
		s.status = lpInfeasible
	case strings.Contains(head, "unbounded"):
		s.status = lpUnbounded
	default:
		s.status = lpOther
	}
	if i := strings.LastIndex(head, "objective value"); i >= 0 {
		s.objective, _ = strconv.ParseFloat(strings.TrimSpace(s.line[i+len("objective value"):]), 64)
	}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) > 0 && f[0] == "**" {
			f = f[1:]
		}
		if len(f) < 3 || len(f[1]) < 2 || (f[1][0] != 'x' && f[1][0] != 'r') {
			continue
		}
		j, err := strconv.Atoi(f[1][1:])
		if err != nil || j < 0 {
			continue
		}
		if f[1][0] == 'r' {
			if j < rows && len(f) >= 4 {
				s.dual[j], err = strconv.ParseFloat(f[3], 64)
				if err != nil {
					return nil, fmt.Errorf("panel: bad cbc solution line %q", l)
				}
			}
			continue
		}
		if pos != nil {
			k, ok := pos[j]
			if !ok {
				continue
			}
			j = k
		}
		if j >= n {
			continue
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("panel: bad cbc solution line %q", l)
		}
		s.x[j] = v
	}
	return s, nil
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, " / ")
}

// version returns cbc's version line ("CBC 2.10.8"), or "" when it cannot
// be run.
func (s *CBC) version(ctx context.Context) string {
	path := s.Path
	if path == "" {
		path = "cbc"
	}
	out, err := exec.CommandContext(ctx, path, "-quit").CombinedOutput()
	if err != nil && len(out) == 0 {
		return ""
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), "Version:"); ok {
			return "CBC " + strings.TrimSpace(v)
		}
	}
	return "CBC"
}
