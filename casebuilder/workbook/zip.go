package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer of the workbook. excelize writes the parts of
// a workbook in an order that changes from run to run (it ranges over maps)
// and with no time; sortedZip compresses every part as it comes, then at
// Close writes them sorted by name ("[Content_Types].xml" first, as Office
// does), each dated with the export's time, so the same case gives the same
// bytes.
type sortedZip struct {
	w     io.Writer
	mod   time.Time
	parts []*zipPart
}

// zipPart is one compressed part of the archive.
type zipPart struct {
	name string
	// plain keeps [Content_Types].xml uncompressed until Close, which puts
	// its elements in order.
	plain      *bytes.Buffer
	compressed bytes.Buffer
	fw         *flate.Writer
	crc        uint32
	size       uint64
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

func newSortedZip(w io.Writer, mod time.Time) *sortedZip {
	if !mod.IsZero() {
		mod = mod.UTC()
	}
	return &sortedZip{w: w, mod: mod}
}

// Create starts a part of the archive.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	if name == "[Content_Types].xml" {
		p.plain = new(bytes.Buffer)
		return p.plain, nil
	}
	fw, err := flate.NewWriter(&p.compressed, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	p.fw = fw
	return p, nil
}

// Write compresses part of the part.
func (p *zipPart) Write(b []byte) (int, error) {
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

// AddFS is not needed to write a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("workbook: adding a file system to the archive is not supported")
}

// Close writes the archive.
func (z *sortedZip) Close() error {
	slices.SortStableFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		if p.plain != nil {
			fw, err := flate.NewWriter(&p.compressed, flate.BestSpeed)
			if err != nil {
				return err
			}
			p.fw = fw
			if _, err := p.Write(sortDefaults(p.plain.Bytes())); err != nil {
				return err
			}
		}
		if err := p.fw.Close(); err != nil {
			return err
		}
		fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate,
			CRC32: p.crc, CompressedSize64: uint64(p.compressed.Len()), UncompressedSize64: p.size}
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
		if _, err := w.Write(p.compressed.Bytes()); err != nil {
			return err
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
