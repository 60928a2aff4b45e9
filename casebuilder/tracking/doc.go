// Package tracking shepherds an approved case to its results: it approves
// a case (keeping a snapshot of the approved figures and plan as its
// baseline), imports the actuals from the systems HR and Finance already
// have, works out the progress against the baseline as of a month (money,
// milestones, KPIs against their trajectories, gates, benefits realised,
// a red, amber or green status by area), reviews a case under way as a
// sceptical CEO would, and gathers the monthly progress report's figures.
//
// The record itself, [casebuilder.Tracking], lives in the case file;
// this package is built on it and the model, and casebuilder does not
// import it. [Analyse] wraps [casebuilder.Analyse] with the progress and
// the tracking findings, for the command line and the app.
package tracking
