#!/usr/bin/env python3
"""Per-stage evaluation of marsad's event coding against a gold file (GOLD-FORMAT.md).

usage: eval-stages.py --gold GOLD.jsonl --pred OUT.jsonl [--actors ACTOR-KEYS.json] [--json]

OUT is `marsad extract` output; each event lists the sentences that tell it (`mentions`).
A gold event is *found* by a predicted event when one of that event's mention sentences
contains the start of the gold evidence quote. Per language and overall:
  mentions   recall: gold events found by some predicted event;
             precision: predicted events that find some gold event;
  type / place / actor1 accuracy: over gold events found, whether the best finding event
             (the one that agrees most) has the gold event type, a matching place (score.py's
             rule) and actor1 (when the gold names one) — each stage judged on mentions it got;
  coreference: predicted events per found gold event at its place (1.0 is one event per
             incident; events at other places of a listing sentence are not duplicates) and the
             share of found gold events told by more than one such event (duplicates).
"""
import argparse
import importlib.util
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def squash(text):
    return re.sub(r"\s+", " ", text or "").strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--actors")
    ap.add_argument("--score", default=os.path.join(HERE, "..", "..", "shared", "tools", "score.py"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    S = load_score(a.score)
    keys = S.Keys(json.load(open(a.actors, encoding="utf-8")) if a.actors else {})
    gold = S.load_jsonl(a.gold)
    pred = {str((p.get("doc") or {}).get("id")): p for p in S.load_jsonl(a.pred)}
    tally = defaultdict(lambda: defaultdict(int))
    for g in gold:
        p = pred.get(str(g["id"]), {})
        places = {x["id"]: x for x in p.get("places", [])}
        actor_keys = {x["id"]: keys.of(x) for x in p.get("actors", [])}
        gplaces = {x["name"]: x for x in g.get("places", [])}
        events = p.get("events", [])
        sentences = [[squash(m.get("text")) for m in (e.get("mentions") or [e.get("evidence") or {}])] for e in events]
        finds = [False] * len(events)
        for lang in (g.get("lang", "?"), "all"):
            t = tally[lang]
            t["gold"] += len(g.get("events", []))
            t["pred"] += len(events)
        for ge in g.get("events", []):
            quote = squash(ge.get("evidence"))[:40]
            finders = [i for i, ss in enumerate(sentences) if quote and any(quote in s for s in ss)]
            for i in finders:
                finds[i] = True
            if not finders:
                continue

            def agreement(i):
                e = events[i]
                return (e.get("event_type") == ge.get("event_type"),
                        S.place_match(gplaces.get(ge.get("place")), places.get(e.get("place"))),
                        bool(ge.get("actor1")) and ge["actor1"] in actor_keys.get(e.get("actor1"), set()))
            best = max(finders, key=lambda i: agreement(i))
            typed, placed, doer = agreement(best)
            here = [i for i in finders if agreement(i)[1]] or [best]
            for lang in (g.get("lang", "?"), "all"):
                t = tally[lang]
                t["found"] += 1
                t["typed"] += typed
                t["placed"] += placed
                if ge.get("actor1"):
                    t["with_doer"] += 1
                    t["doer"] += doer
                t["finding_events"] += len(here)
                t["duplicated"] += len(here) > 1
        for lang in (g.get("lang", "?"), "all"):
            tally[lang]["finding"] += sum(finds)
    out = {}
    for lang, t in sorted(tally.items()):
        ratio = lambda x, y: round(x / y, 3) if y else None
        out[lang] = {
            "mentions": {"recall": ratio(t["found"], t["gold"]), "precision": ratio(t["finding"], t["pred"])},
            "type_accuracy": ratio(t["typed"], t["found"]),
            "place_accuracy": ratio(t["placed"], t["found"]),
            "actor1_accuracy": ratio(t["doer"], t["with_doer"]),
            "events_per_found_incident": ratio(t["finding_events"], t["found"]),
            "duplicated_incidents": ratio(t["duplicated"], t["found"]),
        }
    if a.json:
        print(json.dumps(out, ensure_ascii=False))
        return
    for lang, o in out.items():
        m = o["mentions"]
        print(f"[{lang}] mentions P {m['precision']} R {m['recall']} · type {o['type_accuracy']} · place "
              f"{o['place_accuracy']} · actor1 {o['actor1_accuracy']} · events per incident "
              f"{o['events_per_found_incident']} · duplicated {o['duplicated_incidents']}")


if __name__ == "__main__":
    sys.exit(main())
