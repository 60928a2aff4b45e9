// Command thaiwords writes the Thai word list that the PDF brief breaks
// Thai lines with (assets/thai/words.txt.gz) from ICU's Thai dictionary,
// brkitr/thaidict.dict, as Debian's libicu72 ships it inside
// libicudata.so.72:
//
//	objcopy -O binary --only-section=.rodata /usr/lib/x86_64-linux-gnu/libicudata.so.72 icudt72l.dat
//	icupkg -x brkitr/thaidict.dict icudt72l.dat      # icu-devtools
//	go run ./assets/internal/thaiwords -dict brkitr/thaidict.dict -o assets/thai/words.txt.gz
//
// The dictionary is a BytesTrie (ICU's bytestrie.h) of the words, each
// character stored as its offset from U+0E00; thaiwords walks every path
// of the trie and writes the words it spells, one a line, sorted, gzipped.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	in := flag.String("dict", "thaidict.dict", "ICU's Thai dictionary")
	out := flag.String("o", "words.txt.gz", "the word list to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "thaiwords:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	if len(b) < 4 || b[2] != 0xDA || b[3] != 0x27 {
		return fmt.Errorf("%s is not an ICU data file", in)
	}
	data := b[binary.LittleEndian.Uint16(b):]
	var ix [8]int32
	if err := binary.Read(bytes.NewReader(data), binary.LittleEndian, &ix); err != nil {
		return err
	}
	const bytesTrie, offsetTransform = 0, 0x01000000
	if ix[4]&7 != bytesTrie || ix[5]&0x7F000000 != offsetTransform {
		return fmt.Errorf("%s: not a bytes trie with an offset transform (type %#x, transform %#x)", in, ix[4], ix[5])
	}
	t := &trie{b: data[ix[0]:ix[1]], offset: rune(ix[5] & 0x1FFFFF)}
	t.node(0, nil)
	sort.Strings(t.words)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(strings.Join(t.words, "\n") + "\n"))
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d words\n", len(t.words))
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// trie walks a BytesTrie.
type trie struct {
	b      []byte
	offset rune
	words  []string
}

func (t *trie) word(units []byte) {
	var sb strings.Builder
	for _, u := range units {
		switch u {
		case 0xFF:
			sb.WriteRune(0x200D)
		case 0xFE:
			sb.WriteRune(0x200C)
		default:
			sb.WriteRune(t.offset + rune(u))
		}
	}
	t.words = append(t.words, sb.String())
}

// node reads the node at pos, reached by the bytes of prefix.
func (t *trie) node(pos int, prefix []byte) {
	for {
		lead := int(t.b[pos])
		pos++
		switch {
		case lead >= 0x20: // a value: the prefix is a word
			t.word(prefix)
			if lead&1 == 1 {
				return
			}
			_, pos = t.value(pos, lead)
		case lead >= 0x10: // a linear match of 1 to 16 bytes
			n := lead - 0x10 + 1
			prefix = append(append([]byte(nil), prefix...), t.b[pos:pos+n]...)
			pos += n
		default: // a branch
			length := lead + 1
			if lead == 0 {
				length = int(t.b[pos]) + 1
				pos++
			}
			t.branch(pos, length, prefix)
			return
		}
	}
}

func (t *trie) branch(pos, length int, prefix []byte) {
	for length > 5 { // a split on a comparison byte
		pos++
		less, next := t.delta(pos)
		t.branch(next+less, length>>1, prefix)
		length -= length >> 1
		pos = next
	}
	for ; length > 1; length-- {
		c := t.b[pos]
		lead := int(t.b[pos+1])
		v, next := t.value(pos+2, lead)
		p := append(append([]byte(nil), prefix...), c)
		if lead&1 == 1 {
			t.word(p)
		} else {
			t.node(next+v, p)
		}
		pos = next
	}
	t.node(pos+1, append(append([]byte(nil), prefix...), t.b[pos]))
}

// intForm is how a BytesTrie writes an integer of variable length after a
// lead byte: a lead below two is the integer itself, less bias; below
// three, its excess over two and one more byte; below four, its excess
// over three and two more bytes; four, the three bytes after it; above
// four, the four bytes after it (ICU's bytestrie.h).
type intForm struct{ bias, two, three, four int }

var (
	// valueForm is the form of a value, whose lead is the lead byte
	// shifted right by one (its lowest bit says whether the value is
	// final).
	valueForm = intForm{bias: 0x10, two: 0x51, three: 0x6C, four: 0x7E}
	// deltaForm is the form of the jump of a split.
	deltaForm = intForm{bias: 0, two: 0xC0, three: 0xF0, four: 0xFE}
)

// readInt reads an integer of form f whose lead is lead, from pos just
// after its lead byte, and returns it and where it ends.
func (t *trie) readInt(f intForm, lead, pos int) (int, int) {
	switch {
	case lead < f.two:
		return lead - f.bias, pos
	case lead < f.three:
		return (lead-f.two)<<8 | int(t.b[pos]), pos + 1
	case lead < f.four:
		return (lead-f.three)<<16 | int(t.b[pos])<<8 | int(t.b[pos+1]), pos + 2
	case lead == f.four:
		return int(t.b[pos])<<16 | int(t.b[pos+1])<<8 | int(t.b[pos+2]), pos + 3
	}
	return int(binary.BigEndian.Uint32(t.b[pos:])), pos + 4
}

// value reads a value (or a jump) whose lead byte was lead, from pos just
// after it, and returns it and where it ends.
func (t *trie) value(pos, lead int) (int, int) {
	return t.readInt(valueForm, lead>>1, pos)
}

// delta reads the jump of a split, from pos, and returns it and where it
// ends.
func (t *trie) delta(pos int) (int, int) {
	return t.readInt(deltaForm, int(t.b[pos]), pos+1)
}
