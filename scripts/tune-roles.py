#!/usr/bin/env python3
"""Fit the role scorer's weights (data/events/roles.jsonl) to annotated corpora.

usage: tune-roles.py --train GOLD.jsonl [GOLD.jsonl ...] --validate GOLD.jsonl [...]
                     [--shared ../shared] [--rounds 3] [--write]

The scorer sums a weight per named feature for each actor around an incident mention
(crates/events/src/roles.rs). This script searches those weights by coordinate descent:
for each feature and role (doer, target) and for the threshold, it tries a few steps and keeps
one when it raises the objective on the training corpora: score.py's events.full F1 (right
type, place and doer) plus half its typed F1, summed over the training files. Steps are kept
only when they gain (ties keep the reviewed hand weight). The validation corpora are scored
before and after, never searched. With --write the fitted weights replace
data/events/roles.jsonl (each line keeps its `why`), to be reviewed like any data change.

The binary is target/release/marsad (built first); each trial runs `marsad extract --kb DIR`
on a copy of data/ whose roles.jsonl holds the trial weights. Deterministic: the same corpora
give the same weights.
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ROLES = os.path.join(ROOT, "data", "events", "roles.jsonl")
STEPS = (-1.0, -0.5, 0.5, 1.0)
THRESHOLD_STEPS = (-0.25, 0.25)


def load_scorer(shared):
    spec = importlib.util.spec_from_file_location("score", os.path.join(shared, "tools", "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_roles(path):
    """(comment and threshold lines, [(feature, actor1, actor2, why)])."""
    head, features = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = line.rstrip("\n")
            if text.startswith("{") and '"feature"' in text:
                d = json.loads(text)
                features.append([d["feature"], d["actor1"], d["actor2"], d.get("why", "")])
            else:
                head.append(text)
    return head, features


def threshold_of(head):
    for line in head:
        if line.startswith("{") and '"threshold"' in line:
            return json.loads(line)["threshold"]
    raise SystemExit(f"{ROLES}: no threshold line")


def render(head, features, threshold):
    out = []
    for line in head:
        if line.startswith("{") and '"threshold"' in line:
            out.append(json.dumps({"threshold": round(threshold, 2)}))
        elif line:
            out.append(line)
    for name, a1, a2, why in features:
        row = {"feature": name, "actor1": round(a1, 2), "actor2": round(a2, 2), "why": why}
        out.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(out) + "\n"


class Trial:
    """Runs the extractor with given weights on the corpora and scores it."""

    def __init__(self, binary, shared, corpora):
        self.binary = binary
        self.score = load_scorer(shared)
        with open(os.path.join(shared, "corpus", "actor-keys.json"), encoding="utf-8") as f:
            self.keys = self.score.Keys(json.load(f))
        self.kb = tempfile.mkdtemp(prefix="marsad-tune-")
        shutil.copytree(os.path.join(ROOT, "data"), self.kb, dirs_exist_ok=True)
        self.corpora = []
        for path in corpora:
            gold = self.score.load_jsonl(path)
            inputs = os.path.join(self.kb, f"input-{len(self.corpora)}.jsonl")
            with open(inputs, "w", encoding="utf-8") as f:
                for g in gold:
                    doc = {k: g.get(k) for k in ("id", "url", "published", "text")}
                    f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            self.corpora.append((path, gold, inputs))

    def run(self, roles_text):
        with open(os.path.join(self.kb, "events", "roles.jsonl"), "w", encoding="utf-8") as f:
            f.write(roles_text)
        results = {}
        for path, gold, inputs in self.corpora:
            out = subprocess.run([self.binary, "extract", "--kb", self.kb, inputs], capture_output=True, check=True)
            pred = {}
            for line in out.stdout.decode("utf-8").splitlines():
                obj = json.loads(line)
                pred[str(obj["doc"]["id"])] = obj
            tally = self.score.new_tally()
            for g in gold:
                t = self.score.new_tally()
                self.score.score_doc(g, pred.get(str(g["id"])), self.keys, t)
                self.score.add(tally, t)
            results[path] = self.score.summary(tally)
        return results


def objective(results):
    return sum(r["events.full"]["f1"] + 0.5 * r["events.typed"]["f1"] for r in results.values())


def describe(results):
    return "; ".join(
        f"{os.path.basename(os.path.dirname(p)) or p}/{os.path.basename(p)} typed {r['events.typed']['f1']:.3f} "
        f"full {r['events.full']['f1']:.3f}"
        for p, r in results.items()
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", nargs="+", required=True)
    ap.add_argument("--validate", nargs="*", default=[])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="replace data/events/roles.jsonl with the fitted weights")
    a = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "marsad"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "marsad")
    head, features = read_roles(ROLES)
    threshold = threshold_of(head)
    train, check = Trial(binary, a.shared, a.train), Trial(binary, a.shared, a.validate) if a.validate else None

    start = render(head, features, threshold)
    best = objective(train.run(start))
    print(f"train before: {describe(train.run(start))}", file=sys.stderr)
    if check:
        print(f"validate before: {describe(check.run(start))}", file=sys.stderr)
    for round_ in range(a.rounds):
        gained = False
        for i in range(len(features)):
            for role in (1, 2):
                for step in STEPS:
                    trial = [list(f) for f in features]
                    trial[i][role] += step
                    score = objective(train.run(render(head, trial, threshold)))
                    if score > best + 1e-9:
                        best, features, gained = score, trial, True
                        print(f"round {round_ + 1}: {features[i][0]} actor{role} {step:+} -> {best:.4f}", file=sys.stderr)
        for step in THRESHOLD_STEPS:
            score = objective(train.run(render(head, features, threshold + step)))
            if score > best + 1e-9:
                best, threshold, gained = score, threshold + step, True
                print(f"round {round_ + 1}: threshold {step:+} -> {best:.4f}", file=sys.stderr)
        if not gained:
            break
    fitted = render(head, features, threshold)
    print(f"train after: {describe(train.run(fitted))}", file=sys.stderr)
    if check:
        print(f"validate after: {describe(check.run(fitted))}", file=sys.stderr)
    if a.write:
        with open(ROLES, "w", encoding="utf-8") as f:
            f.write(fitted)
    else:
        sys.stdout.write(fitted)
    shutil.rmtree(train.kb, ignore_errors=True)
    if check:
        shutil.rmtree(check.kb, ignore_errors=True)


if __name__ == "__main__":
    main()
