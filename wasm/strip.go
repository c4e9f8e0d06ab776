package wasm

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// stripTables blanks, in a module built by the go command for js/wasm,
// the parts of the runtime's function table that only a traceback reads,
// so that they compress to nothing; the module is changed in place. Go's
// linker keeps them even with -ldflags='-s -w': for each function its name,
// its file and line tables, its compilation unit's file list, its first
// line, two PC-value tables that wasm never consults (the unsafe points,
// which only asynchronous preemption reads, and js/wasm has none; the
// argument liveness that a traceback prints arguments with) and the
// argument layouts a traceback prints (funcdata ArgInfo and
// ArgLiveInfo). The
// tables the program needs stay as they were: the stack-pointer deltas,
// the stack maps and inlining indexes the garbage collector and the
// stack unwinder read, the bounds-panic table, every function's entry
// and argument size, and the type data. A panic still stops the program
// and prints its message, with "?" for each frame's function, file and
// line. Brotli -q 11, the readability widget's module shrinks by about
// 59 KB (doc.go).
//
// The layout is that of the runtime's pcHeader and _func (Go 1.20's
// table format, magic 0xfffffff1, still Go 1.26's); a module in any other
// layout is an error, not a guess.
func stripTables(b []byte) error {
	segs, err := dataSegments(b)
	if err != nil {
		return err
	}
	// The data is split into segments at runs of zeros; the tables are
	// read and blanked in one flat image of memory, written back at the end.
	top := 0
	for _, s := range segs {
		top = max(top, s.addr+s.n)
	}
	if top > 1<<30 {
		return errors.New("widgets: strip: data segments above 1 GiB")
	}
	mem := make([]byte, top)
	for _, s := range segs {
		copy(mem[s.addr:], b[s.off:s.off+s.n])
	}
	if err := blankTables(mem); err != nil {
		return err
	}
	for _, s := range segs {
		copy(b[s.off:s.off+s.n], mem[s.addr:])
	}
	return nil
}

// segment is one active data segment: n bytes at file offset off, loaded
// at memory address addr.
type segment struct{ addr, off, n int }

// section finds the module's section with this id: a reader at its
// body and the body's end, or a nil reader when the module has none.
func section(b []byte, want byte) (*wasmReader, int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, 0, errors.New("not a WebAssembly module")
	}
	r := &wasmReader{b: b, i: 8}
	for r.i < len(b) && r.err == nil {
		id := r.byte()
		n := r.uleb()
		end := r.i + n
		if r.err != nil || end > len(b) {
			return nil, 0, errors.New("a section overruns the module")
		}
		if id == want {
			return r, end, nil
		}
		r.i = end
	}
	return nil, 0, r.err
}

// dataSegments lists the module's data segments.
func dataSegments(b []byte) ([]segment, error) {
	r, end, err := section(b, 11)
	if err != nil {
		return nil, fmt.Errorf("widgets: strip: %w", err)
	}
	if r == nil {
		return nil, errors.New("widgets: strip: no data section")
	}
	var segs []segment
	for range r.uleb() {
		// Go writes active segments of memory 0, each at an i32.const
		// address.
		if r.uleb() != 0 || r.byte() != 0x41 {
			return nil, errors.New("widgets: strip: a data segment the go linker does not write")
		}
		addr := r.sleb()
		if r.byte() != 0x0b {
			return nil, errors.New("widgets: strip: a data segment's address is not a constant")
		}
		size := r.uleb()
		if r.err != nil || addr < 0 || size < 0 || r.i+size > end {
			return nil, errors.New("widgets: strip: a data segment overruns its section")
		}
		segs = append(segs, segment{addr, r.i, size})
		r.skip(size)
	}
	if r.err != nil {
		return nil, fmt.Errorf("widgets: strip: %w", r.err)
	}
	if len(segs) == 0 {
		return nil, errors.New("widgets: strip: no data segments")
	}
	return segs, nil
}

// Offsets in the runtime's _func record (runtime/runtime2.go), which
// npcdata uint32 PC-value table offsets follow, and the PC-value tables'
// indexes (internal/abi/symtab.go).
const (
	funcNameOff   = 4
	funcPCSP      = 16
	funcPCFile    = 20
	funcPCLine    = 24
	funcNPCData   = 28
	funcCUOffset  = 32
	funcStartLine = 36
	funcSize      = 44

	pcdataUnsafePoint = 0
	pcdataArgLive     = 3

	funcdataArgInfo     = 5
	funcdataArgLiveInfo = 6
	noFuncdata          = 0xffffffff

	// the offset of gofunc in the runtime's moduledata, whose first
	// two fields are the pcHeader's address and the function names'
	// slice
	moduledataGofunc = 320
)

// blankTables finds the runtime's pcHeader in mem and blanks what
// stripTables says.
func blankTables(mem []byte) error {
	// pcHeader: magic, two zero pads, minLC 1 and ptrSize 8 on wasm,
	// then nfunc, nfiles, an unused word and five offsets from the header.
	magic := []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}
	hdr := -1
	for k := 0; k+72 <= len(mem); k += 8 {
		if string(mem[k:k+8]) == string(magic) {
			if hdr >= 0 {
				return errors.New("widgets: strip: two runtime function tables")
			}
			hdr = k
		}
	}
	if hdr < 0 {
		return errors.New("widgets: strip: no runtime function table in Go 1.20's format")
	}
	word := func(at int) int { return int(binary.LittleEndian.Uint64(mem[at:])) }
	nfunc := word(hdr + 8)
	nameOff, cuOff, fileOff, pcOff, lnOff := word(hdr+32), word(hdr+40), word(hdr+48), word(hdr+56), word(hdr+64)
	if !(72 <= nameOff && nameOff <= cuOff && cuOff <= fileOff && fileOff <= pcOff && pcOff <= lnOff && lnOff <= len(mem)-hdr) ||
		nfunc <= 0 || nfunc > len(mem)/8 || hdr+lnOff+8*(nfunc+1) > len(mem) {
		return errors.New("widgets: strip: the runtime function table's header is not as expected")
	}
	pctab := mem[hdr+pcOff : hdr+lnOff]
	ftab := hdr + lnOff
	u32 := func(at int) int { return int(binary.LittleEndian.Uint32(mem[at:])) }
	put0 := func(at int) { binary.LittleEndian.PutUint32(mem[at:], 0) }

	// Mark the PC-value tables that stay; a table may be shared by
	// several functions and uses, so only bytes no kept table reaches
	// are blanked.
	keep := make([]bool, len(pctab))
	mark := func(off int) error {
		if off == 0 {
			return nil
		}
		end, err := pcTableEnd(pctab, off)
		if err != nil {
			return err
		}
		for k := off; k < end; k++ {
			keep[k] = true
		}
		return nil
	}
	funcs := make([]int, nfunc)
	for i := range nfunc {
		f := ftab + u32(ftab+8*i+4)
		if f+funcSize+4*16 > len(mem) {
			return errors.New("widgets: strip: a function record outside memory")
		}
		funcs[i] = f
		npc := u32(f + funcNPCData)
		if npc > 16 || f+funcSize+4*npc > len(mem) {
			return errors.New("widgets: strip: a function record's PC-value tables are not as expected")
		}
		if err := mark(u32(f + funcPCSP)); err != nil {
			return err
		}
		for k := range npc {
			if k != pcdataUnsafePoint && k != pcdataArgLive {
				if err := mark(u32(f + funcSize + 4*k)); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range funcs {
		for _, at := range []int{funcNameOff, funcPCFile, funcPCLine, funcCUOffset, funcStartLine} {
			put0(f + at)
		}
		for k := range u32(f + funcNPCData) {
			if k == pcdataUnsafePoint || k == pcdataArgLive {
				put0(f + funcSize + 4*k)
			}
		}
	}
	if err := blankArgInfo(mem, hdr, nameOff, funcs); err != nil {
		return err
	}
	for k := 1; k < len(pctab); k++ { // offset 0 means "no table"
		if !keep[k] {
			pctab[k] = 0
		}
	}
	// the function names, the compilation units' file lists and the
	// file names
	clear(mem[hdr+nameOff : hdr+pcOff])
	return nil
}

// blankArgInfo removes each function's ArgInfo and ArgLiveInfo funcdata,
// which only a traceback reads (runtime.printArgs), and blanks the
// ArgInfo records no other funcdata points into. The funcdata offsets
// count from moduledata.gofunc.
func blankArgInfo(mem []byte, hdr, nameOff int, funcs []int) error {
	word := func(at int) int { return int(binary.LittleEndian.Uint64(mem[at:])) }
	md := -1
	for k := 0; k+moduledataGofunc+8 <= len(mem); k += 8 {
		if word(k) == hdr && word(k+8) == hdr+nameOff {
			if md >= 0 {
				return errors.New("widgets: strip: two runtime module records")
			}
			md = k
		}
	}
	if md < 0 {
		return errors.New("widgets: strip: no runtime module record")
	}
	gofunc := word(md + moduledataGofunc)
	if gofunc < 0 || gofunc >= len(mem) {
		return errors.New("widgets: strip: the module record's gofunc is outside memory")
	}
	type span struct{ start, end int }
	var args []span
	seen := map[int]bool{}
	kept := map[int]bool{}
	for _, f := range funcs {
		npc := int(binary.LittleEndian.Uint32(mem[f+funcNPCData:]))
		nfd := int(mem[f+funcSize-1])
		at := f + funcSize + 4*npc
		if at+4*nfd > len(mem) {
			return errors.New("widgets: strip: a function's funcdata outside memory")
		}
		for k := range nfd {
			p := at + 4*k
			off := int(binary.LittleEndian.Uint32(mem[p:]))
			if off == noFuncdata {
				continue
			}
			a := gofunc + off
			if a >= len(mem) {
				return errors.New("widgets: strip: a funcdata record outside memory")
			}
			switch k {
			case funcdataArgInfo:
				binary.LittleEndian.PutUint32(mem[p:], noFuncdata)
				if seen[a] {
					continue
				}
				seen[a] = true
				// pairs of offset and size bytes, and single marks from
				// 0xfb up, ending at 0xff (runtime.printArgs)
				e := a
				for e < len(mem) && mem[e] != 0xff {
					if mem[e] < 0xfb {
						e++
					}
					e++
				}
				if e >= len(mem) {
					return errors.New("widgets: strip: an argument layout runs off the end of memory")
				}
				args = append(args, span{a, e + 1})
			case funcdataArgLiveInfo:
				binary.LittleEndian.PutUint32(mem[p:], noFuncdata)
			default:
				kept[a] = true
			}
		}
	}
next:
	for _, s := range args {
		for k := s.start; k < s.end; k++ {
			if kept[k] {
				continue next
			}
		}
		clear(mem[s.start:s.end])
	}
	return nil
}

// pcTableEnd returns the end of the PC-value table at off in pctab: pairs
// of varints (value delta, PC delta) ending at a zero value delta after
// the first pair (runtime.step).
func pcTableEnd(pctab []byte, off int) (int, error) {
	k := off
	for first := true; ; first = false {
		if k >= len(pctab) {
			return 0, errors.New("widgets: strip: a PC-value table runs off the end")
		}
		if pctab[k] == 0 && !first {
			return k + 1, nil
		}
		for range 2 {
			_, n := binary.Uvarint(pctab[k:])
			if n <= 0 {
				return 0, errors.New("widgets: strip: a bad PC-value table")
			}
			k += n
		}
	}
}

// wasmReader reads a WebAssembly module's bytes; its first error
// sticks.
// wasmReader reads a WebAssembly module's bytes; its first error
// sticks.
type wasmReader struct {
	b   []byte
	i   int
	err error
}

func (r *wasmReader) byte() byte {
	if r.i >= len(r.b) {
		r.err = errors.New("unexpected end of module")
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *wasmReader) uleb() int {
	if r.i >= len(r.b) {
		r.err = errors.New("unexpected end of module")
		return 0
	}
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 || v > 1<<32 {
		r.err = fmt.Errorf("bad integer at %d", r.i)
		return 0
	}
	r.i += n
	return int(v)
}

func (r *wasmReader) skip(n int) { r.i += n }

// sleb reads a signed LEB128 integer of at most 32 bits, as i32.const
// holds.
func (r *wasmReader) sleb() int {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			return int(v)
		}
	}
	r.err = fmt.Errorf("bad integer at %d", r.i)
	return 0
}
