package pdftext

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// withCmap returns a TrueType file equal to data but for its cmap table,
// which becomes a single Windows Unicode (3, 1) format 4 subtable mapping
// each code of m to its glyph. gofpdf reads that subtable to learn which
// glyph each 16-bit code of the PDF's text draws; giving it codes in the
// Private Use Area for glyphs that no character maps to (the joined forms
// of Arabic letters, the conjuncts of Devanagari, the raised tone marks
// of Thai) lets a shaped glyph be drawn through its ordinary text calls.
func withCmap(data []byte, m map[uint16]uint16) ([]byte, error) {
	cmap, err := cmapFormat4(m)
	if err != nil {
		return nil, err
	}
	if len(data) < 12 {
		return nil, fmt.Errorf("font file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("font file too short for its %d tables", n)
	}
	type table struct {
		tag  string
		data []byte
	}
	var tables []table
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q lies outside the file", tag)
		}
		if tag == "cmap" {
			continue
		}
		t := table{tag, append([]byte(nil), data[off:off+length]...)}
		if tag == "head" && len(t.data) >= 12 {
			// checkSumAdjustment is worked out again below.
			binary.BigEndian.PutUint32(t.data[8:], 0)
		}
		tables = append(tables, t)
	}
	tables = append(tables, table{"cmap", cmap})
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })

	n = len(tables)
	pow, log := 1, 0
	for pow*2 <= n {
		pow, log = pow*2, log+1
	}
	out := make([]byte, 12+16*n)
	copy(out, data[:4]) // the sfnt version
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(log))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-pow)))
	headAt := -1
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		if t.tag == "head" {
			headAt = len(out)
		}
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 && headAt+12 <= len(out) {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

// checksum is the TrueType checksum of a table: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// cmapFormat4 writes a cmap table of one (3, 1) format 4 subtable: one
// segment per run of consecutive codes mapped to consecutive glyphs.
func cmapFormat4(m map[uint16]uint16) ([]byte, error) {
	codes := make([]int, 0, len(m))
	for c := range m {
		if c != 0xFFFF {
			codes = append(codes, int(c))
		}
	}
	sort.Ints(codes)
	type segment struct{ start, end, delta int }
	var segs []segment
	for _, c := range codes {
		g := int(m[uint16(c)])
		if k := len(segs) - 1; k >= 0 && segs[k].end == c-1 && (c+segs[k].delta)&0xFFFF == g {
			segs[k].end = c
			continue
		}
		segs = append(segs, segment{c, c, (g - c) & 0xFFFF})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1}) // the required last segment
	nseg := len(segs)
	length := 16 + 8*nseg
	if length > 0xFFFF {
		return nil, fmt.Errorf("a format 4 cmap cannot hold %d segments", nseg)
	}
	pow, log := 1, 0
	for pow*2 <= nseg {
		pow, log = pow*2, log+1
	}
	b := make([]byte, 12+length)
	be := binary.BigEndian
	be.PutUint16(b[0:], 0)  // version
	be.PutUint16(b[2:], 1)  // one subtable
	be.PutUint16(b[4:], 3)  // Windows
	be.PutUint16(b[6:], 1)  // Unicode BMP
	be.PutUint32(b[8:], 12) // at
	s := b[12:]
	be.PutUint16(s[0:], 4)
	be.PutUint16(s[2:], uint16(length))
	be.PutUint16(s[4:], 0) // language
	be.PutUint16(s[6:], uint16(2*nseg))
	be.PutUint16(s[8:], uint16(2*pow))
	be.PutUint16(s[10:], uint16(log))
	be.PutUint16(s[12:], uint16(2*(nseg-pow)))
	ends := s[14:]
	starts := ends[2*nseg+2:] // after the reserved pad
	deltas := starts[2*nseg:]
	offsets := deltas[2*nseg:]
	for i, sg := range segs {
		be.PutUint16(ends[2*i:], uint16(sg.end))
		be.PutUint16(starts[2*i:], uint16(sg.start))
		be.PutUint16(deltas[2*i:], uint16(sg.delta))
		be.PutUint16(offsets[2*i:], 0)
	}
	return b, nil
}

// numGlyphs reads the number of glyphs from a TrueType file's maxp table.
func numGlyphs(data []byte) (int, error) {
	if len(data) < 12 {
		return 0, fmt.Errorf("font file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(data); i++ {
		rec := data[12+16*i:]
		if string(rec[:4]) != "maxp" {
			continue
		}
		off := binary.BigEndian.Uint32(rec[8:])
		if uint64(off)+6 > uint64(len(data)) {
			break
		}
		return int(binary.BigEndian.Uint16(data[off+4:])), nil
	}
	return 0, fmt.Errorf("font file has no maxp table")
}
