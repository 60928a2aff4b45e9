package casebuilder

// The rules that check the Context step: where the company is going.
var (
	noObjectiveLinkRule = lackRule("no-objective-link", Warning,
		"The CEO funds what moves the company's objectives; a case that does not say which one it serves competes with them instead.",
		"context.servesObjective", "The case is not linked to a company objective: say which one it serves",
		func(c *Case) bool { return blank(c.Context.ServesObjective) })
)
