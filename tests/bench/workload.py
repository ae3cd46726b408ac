#!/usr/bin/env python3
"""The web benchmark's workload, read from the bundle the registry was imported from (tests/bench.sh).

Usage: workload.py BUNDLE-DIR OUT-DIR TODAY(yyyy-MM-dd)
Picks the site with the most operations and writes into OUT-DIR:
  site.txt    its code (the benchmark signs in as surgeon.<site>)
  cases.txt   its operations' case_id, one a line (the case pages and API reads go round them)
  visits.txt  "case_id visit_date" slots for new follow-up visits that the registry accepts: its HFS
              operations without a recorded death, dates 2 to 360 days after surgery, never in the
              future and never on a date the operation already has a visit; in an order that takes
              each operation in turn, so concurrent writes land on different operations; at most
              200,000 (far more than a run of wrk sends).
"""
import csv
import datetime
import os
import sys
from collections import Counter, defaultdict

bundle, out, today = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])


def rows(name):
    with open(os.path.join(bundle, name + ".csv"), newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


site_of = {p["patient_id"]: p["site_code"] for p in rows("patients")}
cases = [(c["case_id"], site_of[c["patient_id"]], c["indication"], c["surgery_date"]) for c in rows("cases")]
site = Counter(s for _, s, _, _ in cases).most_common(1)[0][0]
died = {c["case_id"] for c in rows("complications") if c["complication_type"] == "death"}
visited = defaultdict(set)
for f in rows("followups"):
    visited[f["case_id"]].add(f["visit_date"])

mine = [c for c in cases if c[1] == site]
writable = [(case_id, datetime.date.fromisoformat(surgery)) for case_id, _, indication, surgery in mine
            if indication == "HFS" and surgery and case_id not in died]
slots = []
for day in range(2, 361):
    if len(slots) >= 200_000:
        break
    for case_id, surgery in writable:
        date = surgery + datetime.timedelta(days=day)
        if date <= today and date.isoformat() not in visited[case_id]:
            slots.append(f"{case_id} {date.isoformat()}")
slots = slots[:200_000]

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "site.txt"), "w") as f:
    f.write(site + "\n")
with open(os.path.join(out, "cases.txt"), "w") as f:
    f.writelines(case_id + "\n" for case_id, *_ in mine)
with open(os.path.join(out, "visits.txt"), "w") as f:
    f.writelines(s + "\n" for s in slots)
print(f"site {site}: {len(mine)} operations, {len(writable)} open to new visits, {len(slots)} visit slots")
