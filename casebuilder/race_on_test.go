//go:build race

package casebuilder

// raceSlowdown is how many times slower the race detector makes the
// tests, for the few that bound how long something takes: reading a
// hostile file of a million values takes about 3 s, and over 20 s with
// the race detector on a busy 2-core machine.
const raceSlowdown = 10
