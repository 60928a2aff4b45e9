// Package casebuilder is the model of a business case that an HR leader puts
// to the CEO to fix a problem in the sales force: the strategic context, the
// pain and what it costs, the alternatives (always including doing nothing),
// the risks and their contingencies, the implementation plan, the measures
// of success and the people to credit.
//
// The package holds the arithmetic (cost-of-pain calculators, monthly cash
// flows, NPV, IRR, ROI, benefit-cost ratio, payback), the validation that
// names every problem by its path, and the .hrcase file format with atomic
// saving. It knows nothing of any user interface: the desktop app, the
// workbook and the brief all read the same [Case] and the same [Result], so
// they never disagree.
package casebuilder
