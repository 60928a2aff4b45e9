// Package figure reads and writes the figures of a case: numbers typed the
// way people write them in their language (ParseNumber, ParseValue) and
// figures formatted one way for the screen, the workbook and the brief
// (Format), each by its Unit. It knows nothing of a case.
package figure
