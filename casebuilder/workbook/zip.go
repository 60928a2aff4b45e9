package workbook

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer of the workbook. excelize writes the parts of
// a workbook in an order that changes from run to run (it ranges over maps)
// and with no time; sortedZip compresses every part as it comes, then at
// Close writes them sorted by name ("[Content_Types].xml" first, as Office
// does), each dated with the export's time, so the same case gives the same
// bytes.
//
// A part is compressed in chunks of zipChunk bytes, each on its own
// goroutine while excelize goes on writing: each chunk is a run of deflate
// blocks ended by a sync flush, the last one by the final block, so that
// together they are one deflate stream (as pigz writes them). The chunks
// fall at the same places whatever the timing, so the bytes are the same
// on any number of cores.
type sortedZip struct {
	w     io.Writer
	mod   time.Time
	parts []*zipPart
	// limit bounds the chunks being compressed at once.
	limit chan struct{}
}

// zipChunk is the size of the chunks a part is compressed in.
const zipChunk = 256 << 10

// Compressors and chunks are reused: a compressor takes a megabyte of
// tables to start, and a workbook the size of the stress sample's has some
// sixty chunks.
var (
	compressors = sync.Pool{New: func() any {
		fw, _ := flate.NewWriter(nil, flate.BestSpeed) // BestSpeed is a valid level
		return fw
	}}
	chunks = sync.Pool{New: func() any { return new([zipChunk]byte) }}
)

// zipPart is one compressed part of the archive.
type zipPart struct {
	z    *sortedZip
	name string
	// plain keeps [Content_Types].xml uncompressed until Close, which puts
	// its elements in order.
	plain *bytes.Buffer
	// chunk is the data not yet handed to a compressor (n bytes of it);
	// out are the compressed chunks, in order, filled in as their
	// goroutines finish.
	chunk *[zipChunk]byte
	n     int
	out   []*[]byte
	wg    sync.WaitGroup
	err   error
	mu    sync.Mutex
	crc   uint32
	size  uint64
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

func newSortedZip(w io.Writer, mod time.Time) *sortedZip {
	if !mod.IsZero() {
		mod = mod.UTC()
	}
	return &sortedZip{w: w, mod: mod, limit: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))}
}

// Create starts a part of the archive.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	p := &zipPart{z: z, name: name}
	z.parts = append(z.parts, p)
	if name == "[Content_Types].xml" {
		p.plain = new(bytes.Buffer)
		return p.plain, nil
	}
	return p, nil
}

// Write adds data to the part, compressing every whole chunk.
func (p *zipPart) Write(b []byte) (int, error) {
	n := len(b)
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(n)
	for len(b) > 0 {
		if p.chunk == nil {
			p.chunk, p.n = chunks.Get().(*[zipChunk]byte), 0
		}
		k := copy(p.chunk[p.n:], b)
		p.n += k
		b = b[k:]
		if p.n == zipChunk {
			p.compress(false)
		}
	}
	return n, nil
}

// compress compresses the chunk written so far on a goroutine of its own:
// the part's last one, with the final block, when last.
func (p *zipPart) compress(last bool) {
	chunk, n := p.chunk, p.n
	p.chunk, p.n = nil, 0
	out := new([]byte)
	p.out = append(p.out, out)
	p.wg.Add(1)
	p.z.limit <- struct{}{}
	go func() {
		defer func() { <-p.z.limit; p.wg.Done() }()
		var data []byte
		if chunk != nil {
			data = chunk[:n]
			defer chunks.Put(chunk)
		}
		var buf bytes.Buffer
		buf.Grow(len(data)/4 + 64)
		fw := compressors.Get().(*flate.Writer)
		defer compressors.Put(fw)
		fw.Reset(&buf)
		_, err := fw.Write(data)
		if err == nil {
			if last {
				err = fw.Close()
			} else {
				err = fw.Flush()
			}
		}
		if err != nil {
			p.mu.Lock()
			p.err = cmp.Or(p.err, err)
			p.mu.Unlock()
		}
		*out = buf.Bytes()
	}()
}

// AddFS is not needed to write a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("workbook: adding a file system to the archive is not supported")
}

// Close writes the archive.
func (z *sortedZip) Close() error {
	for _, p := range z.parts {
		if p.plain != nil {
			if _, err := p.Write(sortDefaults(p.plain.Bytes())); err != nil {
				return err
			}
		}
		p.compress(true)
	}
	slices.SortStableFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		p.wg.Wait()
		if p.err != nil {
			return p.err
		}
		var compressed uint64
		for _, c := range p.out {
			compressed += uint64(len(*c))
		}
		fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate,
			CRC32: p.crc, CompressedSize64: compressed, UncompressedSize64: p.size}
		if !z.mod.IsZero() {
			// CreateRaw writes the header as it is given, so the MS-DOS
			// date and time that readers show must be set here.
			fh.Modified = z.mod
			//lint:ignore SA1019 CreateRaw does not derive these from Modified.
			fh.ModifiedDate, fh.ModifiedTime = msDosTime(z.mod)
		}
		w, err := zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		for _, c := range p.out {
			if _, err := w.Write(*c); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}

// msDosTime is a time as a zip entry's date and time fields (two-second
// precision, from 1980).
func msDosTime(t time.Time) (date, clock uint16) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

var contentDefault = regexp.MustCompile(`<Default [^>]*(?:/>|></Default>)`)

// sortDefaults puts the content types' Default elements, which excelize
// adds in a random order, in order. They follow each other, so sorting them
// in place changes nothing else.
func sortDefaults(xml []byte) []byte {
	loc := contentDefault.FindAllIndex(xml, -1)
	if len(loc) < 2 {
		return xml
	}
	var elems [][]byte
	for i, l := range loc {
		if i > 0 && l[0] != loc[i-1][1] {
			return xml // not one run: leave it alone
		}
		elems = append(elems, xml[l[0]:l[1]])
	}
	slices.SortFunc(elems, bytes.Compare)
	out := append([]byte{}, xml[:loc[0][0]]...)
	out = append(out, bytes.Join(elems, nil)...)
	return append(out, xml[loc[len(loc)-1][1]:]...)
}
