#!/usr/bin/env python3
"""An independent model of a case's figures, tornado and Monte Carlo
simulation, written from the product's rules rather than from Case
Builder's code, for the turnover sample (the sales-turnover calculator).

    python3 montecarlo.py ../../../assets/samples/turnover.hrcase > montecarlo.json

It prints, for the recommended alternative, the NPV with each uncertain
input at its low and at its high (the others likely), and, for every
alternative and each distribution, what a simulation of N trials must
find: for P10, P50 and P90 of the NPV (and P50 of the ROI), the range of
values between the oracle's own quantiles at p - 4 se and p + 4 se, with
se = sqrt(p (1 - p) / N); the mean NPV and its standard deviation; the
probability that the NPV is positive. The oracle draws TRIALS trials with
Python's own random module (betavariate, triangular). In each trial every
risk happens or not with its likelihood, once for every alternative it
concerns; one that happens costs its contingency plan and its residual
impact, in month 0, in place of the reserve of the costed plan.

The rules it follows, as the product states them:
- A line starts in its month, or at a milestone: a milestone's start is the
  month of its start date, its end the month of the day after its end
  date; a line that starts at a point starts there, one that ends at a
  point ends the month before; an offset moves the point.
- An input given as a list is given year by year (the last year holds);
  the cost of pain is worked out for each year of the horizon, and a
  benefit tied to it is what it avoids in each year.
- Lost sales are valued at the attainment of a productive rep; a fall in
  attrition counts only down to attrition x (1 - the preventable share).
- A per-head cost may take its heads from an input, in the year it falls.
"""
import datetime, json, math, random, sys

N = 10000        # the trials of the simulation checked
TRIALS = int(__import__("os").environ.get("ORACLE_TRIALS", 200000))  # the oracle's own trials

case = json.load(open(sys.argv[1]))
months, rate = case["horizonMonths"], case["discountRate"]
factor = [(1 + rate) ** (-t / 12) for t in range(months)]
years = (months + 11) // 12
start = datetime.date.fromisoformat(case["startDate"])
milestones = {m["id"]: m for m in case["plan"]["milestones"]}


def month_of(d):
    return (d.year - start.year) * 12 + d.month - start.month


def point(anchor):
    m = milestones[anchor["milestone"]]
    if anchor["at"] == "start":
        d = datetime.date.fromisoformat(m["start"])
    else:
        d = datetime.date.fromisoformat(m["end"]) + datetime.timedelta(days=1)
    return month_of(d) + anchor.get("offsetMonths", 0)


def span(line):
    first = point(line["startAt"]) if "startAt" in line else line["startMonth"]
    last = months - 1
    if "endAt" in line:
        last = point(line["endAt"]) - 1
    elif line.get("endMonth") is not None:
        last = line["endMonth"]
    return first, min(last, months - 1)


def rng3(x):
    if isinstance(x, (int, float)):
        return (x, x, x)
    return (x["low"], x["likely"], x.get("high", x["likely"]))


# Pain inputs: each a range, or a list of exact values by year.
yearly = {k: v for k, v in case["pain"]["inputs"].items() if isinstance(v, list)}
for k, v in yearly.items():
    assert all(isinstance(x, (int, float)) for x in v), "the oracle draws only single-valued inputs"
pain_in = {k: rng3(v) for k, v in case["pain"]["inputs"].items() if k not in yearly}


def in_year(k, y, v):
    if k in yearly:
        return yearly[k][min(y, len(yearly[k]) - 1)]
    return v[k]


def cost_of_turnover(v):
    """The yearly cost of sales turnover with inputs v (one year's)."""
    separation = v.get("separationCost", v["salary"] / 12)  # rule-of-thumb defaults
    productivity = v.get("rampProductivity", 0.5)
    recruiting = v.get("recruitingCost", 0.2 * v["salary"])
    attainment = v.get("productiveAttainment", v.get("actualAttainment", 1))
    leavers = v["reps"] * v["attritionRate"]
    vacancy = v["daysToFill"] * v["annualQuota"] * attainment * v["grossMargin"] / 365
    ramp = v["rampMonths"] * v["annualQuota"] / 12 * attainment * (1 - productivity) * v["grossMargin"]
    return leavers * (separation + recruiting + vacancy + ramp)


def year_inputs(pain, y):
    v = dict(pain)
    for k in yearly:
        v[k] = in_year(k, y, pain)
    return v


def reserve(alt):
    if alt.get("doNothing"):
        return 0.0
    return sum(r["likelihood"] * r["contingencyCost"] for r in case["risks"] if alt["id"] in r["alternatives"])


def benefit_range(b):
    return rng3(b["annual"] if b["basis"] == "amount" else b["share"] if b["basis"] == "painShare" else b["to"])


def figures(ai, pain, costs, benefits, happened=None):
    """NPV and ROI of alternative ai with pain inputs, cost amounts and
    benefit values given; with the risks that happened (a set of IDs) in
    place of the reserve when given."""
    alt = case["alternatives"][ai]
    if alt.get("doNothing"):
        return 0.0, None
    c, b = [0.0] * months, [0.0] * months
    for k, amount in zip(alt["costs"], costs):
        first, last = span(k)
        step = {"oneTime": months, "monthly": 1, "yearly": 12}[k["kind"]]
        for m in range(first, last + 1, step):
            heads = 1
            if k.get("perHead"):
                heads = in_year(k["headsFrom"], m // 12, pain) if "headsFrom" in k else k["heads"]
            c[m] += amount * heads
    if happened is None:
        c[0] += reserve(alt)
    else:
        c[0] += sum(r["contingencyCost"] + r.get("residualImpact", 0) for r in case["risks"]
                    if alt["id"] in r["alternatives"] and r["id"] in happened)
    changed = {}
    for line, x in zip(alt["benefits"], benefits):
        annual = [0.0] * years
        for y in range(years):
            v = year_inputs(pain, y)
            if line["basis"] == "amount":
                annual[y] = x
            elif line["basis"] == "painShare":
                annual[y] = x * cost_of_turnover(v)
            else:  # each change valued with the earlier lines' likely changes made
                to = x
                if line["input"] == "attritionRate":
                    to = max(to, v["attritionRate"] * (1 - v.get("preventableShare", 0.75)))
                before = dict(v, **{k: f(v) for k, f in changed.items()})
                annual[y] = cost_of_turnover(before) - cost_of_turnover(dict(before, **{line["input"]: to}))
        if line["basis"] == "painInput":
            likely = rng3(line["to"])[1]
            if line["input"] == "attritionRate":
                changed[line["input"]] = lambda v, t=likely: max(t, v["attritionRate"] * (1 - v.get("preventableShare", 0.75)))
            else:
                changed[line["input"]] = lambda v, t=likely: t
        first, last = span(line)
        for m in range(first, last + 1):
            k, ramp = m - first, line["rampMonths"]
            b[m] += annual[m // 12] / 12 * (1 if ramp <= 0 or k + 1 >= ramp else (k + 1) / ramp)
    npv = sum((b[m] - c[m]) * factor[m] for m in range(months))
    total = sum(c)
    return npv, (sum(b) - total) / total if total > 0 else None


likely_pain = {k: v[1] for k, v in pain_in.items()}


def likely_lines(alt):
    return [rng3(k["amount"])[1] for k in alt["costs"]], [benefit_range(b)[1] for b in alt["benefits"]]


out = {"trials": N, "oracleTrials": TRIALS, "npv": {}, "tornado": [], "simulation": {}}
for ai, alt in enumerate(case["alternatives"]):
    out["npv"][alt["id"]] = figures(ai, likely_pain, *likely_lines(alt))[0]

rec = next(i for i, a in enumerate(case["alternatives"]) if a["id"] == case["recommendation"]["alternative"])
alt = case["alternatives"][rec]
costs0, benefits0 = likely_lines(alt)
for key, r in pain_in.items():
    if r[0] != r[2]:
        out["tornado"].append({"path": "pain.inputs." + key,
                               "npvLow": figures(rec, dict(likely_pain, **{key: r[0]}), costs0, benefits0)[0],
                               "npvHigh": figures(rec, dict(likely_pain, **{key: r[2]}), costs0, benefits0)[0]})
for j, k in enumerate(alt["costs"]):
    r = rng3(k["amount"])
    if r[0] != r[2]:
        at = lambda x: figures(rec, likely_pain, costs0[:j] + [x] + costs0[j + 1:], benefits0)[0]
        out["tornado"].append({"path": "alternatives[%d].costs[%d].amount" % (rec, j), "npvLow": at(r[0]), "npvHigh": at(r[2])})
for j, b in enumerate(alt["benefits"]):
    r = benefit_range(b)
    if r[0] != r[2]:
        field = {"amount": "annual", "painShare": "share", "painInput": "to"}[b["basis"]]
        at = lambda x: figures(rec, likely_pain, costs0, benefits0[:j] + [x] + benefits0[j + 1:])[0]
        out["tornado"].append({"path": "alternatives[%d].benefits[%d].%s" % (rec, j, field), "npvLow": at(r[0]), "npvHigh": at(r[2])})


def quantile(xs, p):  # xs sorted; the smallest value with at least p of them at or below it
    return xs[min(len(xs) - 1, max(0, math.ceil(p * len(xs)) - 1))]


def band(xs, p):
    se = math.sqrt(p * (1 - p) / N)
    return [quantile(xs, p - 4 * se), quantile(xs, p + 4 * se)]


random.seed(20261123)
for dist in ("pert", "triangular"):
    def draw(r):
        lo, mode, hi = min(r), r[1], max(r)
        if hi <= lo:
            return mode
        if dist == "triangular":
            return random.triangular(lo, hi, mode)
        a, b = 1 + 4 * (mode - lo) / (hi - lo), 1 + 4 * (hi - mode) / (hi - lo)
        return lo + (hi - lo) * random.betavariate(a, b)

    npvs = {a["id"]: [] for a in case["alternatives"]}
    rois = {a["id"]: [] for a in case["alternatives"]}
    for _ in range(TRIALS):
        pain = {k: draw(r) for k, r in pain_in.items()}  # shared by every alternative
        happened = {r["id"] for r in case["risks"] if random.random() < r["likelihood"]}
        for ai, a in enumerate(case["alternatives"]):
            npv, roi = figures(ai, pain, [draw(rng3(k["amount"])) for k in a["costs"]],
                               [draw(benefit_range(b)) for b in a["benefits"]], happened)
            npvs[a["id"]].append(npv)
            if roi is not None:
                rois[a["id"]].append(roi)
    res = {}
    for a in case["alternatives"]:
        x, r = sorted(npvs[a["id"]]), sorted(rois[a["id"]])
        mean = sum(x) / len(x)
        sd = math.sqrt(sum((v - mean) ** 2 for v in x) / (len(x) - 1))
        p = sum(1 for v in x if v > 0) / len(x)
        res[a["id"]] = {"npvMean": mean, "npvSd": sd, "probNpvPositive": p,
                        "npvP10": band(x, 0.1), "npvP50": band(x, 0.5), "npvP90": band(x, 0.9),
                        "roiP50": band(r, 0.5) if r else None}
    out["simulation"][dist] = res
json.dump(out, sys.stdout, indent=1)
print()
