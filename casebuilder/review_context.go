package casebuilder

// The rules that check the Context step: where the company is going.
var (
	noTitleRule = lackRule("no-title", Warning,
		"The title is the first line the CEO reads, on the brief's cover and at the top of every page; a case without one arrives as an untitled case.",
		"title", "The case has no title: name it as the CEO should see it on the brief's cover",
		func(c *Case) bool { return blank(c.Title) })

	noObjectiveLinkRule = lackRule("no-objective-link", Warning,
		"The CEO funds what moves the company's objectives; a case that does not say which one it serves competes with them instead.",
		"context.servesObjective", "The case is not linked to a company objective: say which one it serves",
		func(c *Case) bool { return blank(c.Context.ServesObjective) })
)
