// Package casebuilder is the model of a business case that an HR leader puts
// to the CEO to fix a problem in the sales force: the strategic context, the
// pain and what it costs, the alternatives (always including doing nothing),
// the risks and their contingencies, the implementation plan, the measures
// of success and the people to credit.
//
// The package holds the arithmetic (cost-of-pain calculators, monthly cash
// flows, NPV, IRR, ROI, benefit-cost ratio, payback), the validation that
// names every problem by its path, and the .hrcase file format with atomic
// saving. It weighs and challenges a case too: weighted criteria
// ([Weigh]), the sensitivity of the recommendation's NPV to each uncertain
// input ([Sensitivity]), a seeded Monte Carlo simulation ([Simulate]), the
// contingency reserve ([ContingencyReserves]) and the review of a sceptical
// CEO with a readiness score ([Review], [Readiness]); [Analyse] does all
// of it at once. It knows nothing of any user interface: the desktop app, the
// workbook and the brief all read the same [Case] and the same [Result], so
// they never disagree.
package casebuilder
