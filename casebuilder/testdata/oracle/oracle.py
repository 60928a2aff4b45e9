#!/usr/bin/env python3
"""Asks LibreOffice Calc for the NPV, IRR and payback of test cash flows.

The figures it prints are pasted into metrics_test.go as the oracle: they
come from LibreOffice's own NPV and IRR functions, not from Case Builder.

    python3 oracle.py flows.json > out.txt

flows.json maps a name to {"rate": annual rate, "flows": [monthly flows]}.
"""
import json, os, subprocess, sys, tempfile

vectors = json.load(open(sys.argv[1]))
tmp = tempfile.mkdtemp()
names = list(vectors)
rows = []
# One column per vector: the flows, then the formulas below them.
longest = max(len(v["flows"]) for v in vectors.values())
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
grid = [["" for _ in names] for _ in range(longest + 8)]
for j, name in enumerate(names):
    v = vectors[name]
    flows, rate, c = v["flows"], v["rate"], col(j)
    n = len(flows)
    for t, f in enumerate(flows):
        grid[t][j] = repr(float(f))
    first, last = f"{c}1", f"{c}{n}"
    rest = f"{c}2:{c}{n}"
    monthly = f"((1+{rate!r})^(1/12)-1)"
    grid[longest][j] = f"={first}+NPV({monthly};{rest})"
    grid[longest + 1][j] = f"=(1+IRR({first}:{last};0))^12-1"
    # Payback: the last month whose cumulative flow is negative, then
    # interpolate into the next month's flow.
    cum = f"SUBTOTAL(9;OFFSET({first};0;0;ROW({first}:{last})-ROW({first})+1))"
    grid[longest + 2][j] = f"=SUMPRODUCT(MAX(({cum}<0)*(ROW({first}:{last})-ROW({first})+1)))"
    grid[longest + 3][j] = (f"=IF({c}{longest+3}=0;0;IF({c}{longest+3}={n};\"never\";"
                            f"{c}{longest+3}-1+(-SUM({first}:INDEX({first}:{last};{c}{longest+3})))/INDEX({first}:{last};{c}{longest+3}+1)))")
src = os.path.join(tmp, "oracle.csv")
with open(src, "w") as f:
    for row in grid:
        f.write("\t".join(row) + "\n")
subprocess.run(["soffice", "--headless", "--infilter=CSV:9,34,76,1",
                "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false",
                "--outdir", os.path.join(tmp, "out"), src], check=True, capture_output=True)
out = [line.rstrip("\n").split("\t") for line in open(os.path.join(tmp, "out", "oracle.csv"))]
for j, name in enumerate(names):
    npv, irr, payback = out[longest][j], out[longest + 1][j], out[longest + 3][j]
    print(f"{name}\tnpv={npv}\tirr={irr}\tpayback={payback}")
