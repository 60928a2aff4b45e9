package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

// TestTextInEveryScript names the alternatives of a case in Chinese,
// Japanese, Korean, Thai, Devanagari, Arabic and Hebrew, and checks that
// the names reach the cells, the series of the charts and the chart
// titles that carry them, as typed: the workbook is XML in UTF-8, and
// Excel and LibreOffice shape and order the text themselves. The sheet
// names are Case Builder's own, never user text.
func TestTextInEveryScript(t *testing.T) {
	c := sample(t, "turnover")
	names := []string{"结构化入职与辅导", "報酬制度の見直し 2027", "영업 코칭 프로그램", "โปรแกรมพี่เลี้ยง", "प्रशिक्षण कार्यक्रम", "التدريب المنظم (2027)", "תוכנית חונכות"}
	// The recommendation is named in Arabic with a year in it; the others
	// and doing nothing take the other names.
	recommended := "التدريب المنظم (2027)"
	k := 0
	for i := range c.Alternatives {
		if c.Alternatives[i].ID == c.Recommendation.Alternative {
			c.Alternatives[i].Name = recommended
			continue
		}
		c.Alternatives[i].Name = names[k]
		k++
	}
	c.Title = "営業の離職を減らす: خطة 2027"
	data := write(t, c)

	f := open(t, data)
	var cells strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			cells.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var charts strings.Builder
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		charts.Write(b)
	}
	for _, n := range append(names[:k], recommended) {
		if !strings.Contains(cells.String(), n) {
			t.Errorf("no cell holds %q", n)
		}
	}
	// The charts of the recommendation name it in their titles, its
	// characters written as themselves; the tornado's says how many of
	// the inputs it draws when it cannot draw them all.
	if !strings.Contains(charts.String(), ">Simulated NPV of "+recommended+"<") {
		t.Errorf("no chart title reads %q", "Simulated NPV of "+recommended)
	}
	tornado := `>What moves the NPV of ` + regexp.QuoteMeta(recommended) + `( \(the \d+ largest of \d+ inputs\))?<`
	if !regexp.MustCompile(tornado).MatchString(charts.String()) {
		t.Errorf("no chart title reads %q", "What moves the NPV of "+recommended)
	}
	if !strings.Contains(cells.String(), c.Title) {
		t.Errorf("the title %q is in no cell", c.Title)
	}
	for _, sheet := range f.GetSheetList() {
		for _, r := range sheet {
			if r > 0x7F {
				t.Errorf("sheet name %q is not Case Builder's own", sheet)
				break
			}
		}
	}
}
