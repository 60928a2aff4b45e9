package casebuilder

import (
	"math"
	"sync"
)

// A simulation draws every estimate thousands of times, and most of its
// time used to go on the two gamma variates each PERT draw takes. It now
// draws by inverting the distribution's CDF, tabulated once for each shape
// of beta the case's estimates have: one uniform number and a lookup a
// draw. Inverting also makes the later years of an input given year by
// year simple: they are at the same quantile of their own estimate as the
// first year is of its own, so one uniform number draws them all.
//
// The table holds the CDF at pertCells+1 evenly spaced points of the span,
// each cell's probability integrated by five-point Gauss–Legendre, and the
// density at those points. Within a cell the density is taken as the
// straight line between its ends, scaled to the cell's probability, and
// the quadratic its CDF then is solved; or as flat, where the density is
// far from straight, as at an end where it is steep. From the cells, the
// table works out the quantile at pertGrid+1 evenly spaced probabilities,
// and a draw is on the straight line between the two nearest, but in the
// first and last hundredth of probability, where the quantile bends
// sharply and a draw solves in the cells. For the shapes PERT gives (both
// parameters between 1 and 5), a quantile is then within two millionths
// of the span of the exact one, and within a cell in the first and last
// cells and the tails beyond one in 10,000 (see TestPERTTableQuantiles):
// far inside the error of 10,000 trials. A draw takes about 6 ns, a table
// about 0.1 ms to make.

// pertCells is the number of cells of a PERT table.
const pertCells = 512

// pertGuides is the number of entries of a table's guide: the cell in
// which each of that many equal steps of probability starts, from which a
// draw finds its cell in a step or two.
const pertGuides = 1024

// pertTable is the tabulated CDF of one beta shape on [0, 1].
type pertTable struct {
	// cdf[k] is the probability below k/pertCells, and dens[k] the
	// density there, per cell.
	cdf, dens [pertCells + 1]float64
	guide     [pertGuides + 1]uint16
	// grid[j] is the quantile at j/pertGrid, which a draw interpolates.
	grid [pertGrid + 1]float64
}

// pertGrid is the number of steps of probability at which a table holds
// the quantile for draws.
const pertGrid = 4096

// pertGridEnds is the number of steps at either end of the grid where a
// draw solves in the cells instead.
const pertGridEnds = 41 // the first and last hundredth of probability

// gaussLegendre5 are the nodes (on [0, 1]) and weights of five-point
// Gauss–Legendre quadrature.
var gaussLegendre5 = func() (q [5]struct{ x, w float64 }) {
	nodes := [5]float64{0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640}
	weights := [5]float64{0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891}
	for i := range q {
		q[i].x, q[i].w = (1+nodes[i])/2, weights[i]/2
	}
	return q
}()

// pertLogs are log x and log(1−x) at every quadrature node of every
// cell: the same for every shape, worked out once.
var pertLogs = sync.OnceValue(func() *[pertCells][5][2]float64 {
	var l [pertCells][5][2]float64
	for k := range pertCells {
		for i, q := range gaussLegendre5 {
			x := (float64(k) + q.x) / pertCells
			l[k][i] = [2]float64{math.Log(x), math.Log1p(-x)}
		}
	}
	return &l
})

// newPERTTable tabulates the beta distribution with parameters alpha and
// beta, both at least 1.
func newPERTTable(alpha, beta float64) *pertTable {
	t := &pertTable{}
	logs := pertLogs()
	// The density up to its constant: the sums are normalised at the end.
	// The mode's log density is taken off every exponent, so that steep
	// shapes neither overflow nor vanish.
	mode := 0.5
	if alpha+beta > 2 {
		mode = (alpha - 1) / (alpha + beta - 2)
	}
	peak := 0.0
	if mode > 0 && mode < 1 {
		peak = (alpha-1)*math.Log(mode) + (beta-1)*math.Log1p(-mode)
	}
	density := func(x float64) float64 {
		switch {
		case x <= 0 && alpha > 1, x >= 1 && beta > 1:
			return 0
		case x <= 0:
			return math.Exp(-peak) // alpha is 1: (1−x)^(β−1) is 1
		case x >= 1:
			return math.Exp(-peak)
		}
		return math.Exp((alpha-1)*math.Log(x) + (beta-1)*math.Log1p(-x) - peak)
	}
	sum := 0.0
	for k := range pertCells {
		cell := 0.0
		for i, q := range gaussLegendre5 {
			l := &logs[k][i]
			cell += q.w * math.Exp((alpha-1)*l[0]+(beta-1)*l[1]-peak)
		}
		sum += cell
		t.cdf[k+1] = sum
		t.dens[k] = density(float64(k) / pertCells)
	}
	t.dens[pertCells] = density(1)
	for k := range t.cdf {
		t.cdf[k] /= sum
		t.dens[k] /= sum
	}
	t.cdf[pertCells] = 1
	k := 0
	for j := range t.guide {
		u := float64(j) / pertGuides
		for k < pertCells-1 && t.cdf[k+1] <= u {
			k++
		}
		t.guide[j] = uint16(k)
	}
	for j := range t.grid {
		t.grid[j] = t.solve(float64(j) / pertGrid)
	}
	t.grid[pertGrid] = 1
	return t
}

// quantile returns the value in [0, 1] below which a share u of the
// distribution lies, for u in [0, 1): on the straight line between the
// two nearest quantiles of the grid, but in its first and last steps,
// where the quantile is far from straight, from the cells.
func (t *pertTable) quantile(u float64) float64 {
	f := u * pertGrid
	j := int(f)
	if j < pertGridEnds || j >= pertGrid-pertGridEnds {
		return t.solve(u)
	}
	lo := t.grid[j]
	return lo + (t.grid[j+1]-lo)*(f-float64(j))
}

// solve returns the value in [0, 1] below which a share u of the
// distribution lies, for u in [0, 1], from the cells.
func (t *pertTable) solve(u float64) float64 {
	k := int(t.guide[min(int(u*pertGuides), pertGuides)])
	for k < pertCells-1 && t.cdf[k+1] <= u {
		k++
	}
	// Within the cell, the density is c·(d0 + (d1−d0)·x) for x from 0 to
	// 1, c scaling it to the cell's probability p: its CDF is
	// c·(d0·x + (d1−d0)·x²/2), which is r = u − cdf[k] at
	// x = 2r / (a + √(a² + 2br)), a = c·d0, b = c·(d1−d0).
	p, r := t.cdf[k+1]-t.cdf[k], u-t.cdf[k]
	d0, d1 := t.dens[k], t.dens[k+1]
	// Where the density is not near that straight line (c more than 1 %
	// from 1), as in the first cell of a shape steep at its end, the
	// density is taken as flat.
	x := 0.0
	if p > 0 {
		x = r / p
		if c := p / ((d0 + d1) / 2); math.Abs(c-1) <= 0.01 {
			a, b := c*d0, c*(d1-d0)
			if den := a + math.Sqrt(max(0, a*a+2*b*r)); den > 0 {
				x = min(1, 2*r/den)
			}
		}
	}
	return (float64(k) + x) / pertCells
}

// pertTables keeps the tables made, by shape, for the next analysis of the
// same case: the app analyses it again after every edit, and most edits
// leave most estimates as they were. It is emptied when it holds
// maxPERTTables, which bounds its memory to about 20 MB.
var pertTables struct {
	sync.Mutex
	m map[[2]float64]*pertTable
}

const maxPERTTables = 500

// pertTableFor returns the table of the beta shape (alpha, beta).
func pertTableFor(alpha, beta float64) *pertTable {
	key := [2]float64{alpha, beta}
	pertTables.Lock()
	t := pertTables.m[key]
	pertTables.Unlock()
	if t != nil {
		return t
	}
	t = newPERTTable(alpha, beta)
	pertTables.Lock()
	defer pertTables.Unlock()
	if pertTables.m == nil || len(pertTables.m) >= maxPERTTables {
		pertTables.m = map[[2]float64]*pertTable{}
	}
	pertTables.m[key] = t
	return t
}
