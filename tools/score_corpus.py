"""Score the extractor on the hand-annotated corpus of real releases (tests/corpus/).

    python tools/score_corpus.py [dev|aside|all] [--json] [--each]

Facts are scored with the shared scorer (`../shared/tools/score_extraction.py`, the one the
product is judged by; the tests' copy `tests/gold_scoring.py` where it is absent), summed over
the releases (micro average). Each release's `.document.json` scores the document: the date
(or a `date_alt`), the issuer (any of `issuer_any`, either name inside the other), the title
(at most 120 characters, none of `title_must_not_contain`, one of `topic_words`) and the
headlines (the share of the gold cover figures found among the data layer's first five).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.extraction import extract_briefing  # noqa: E402
from reportgen.pipeline import read_release  # noqa: E402
from reportgen.serialize import briefing_to_dict  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
RATES = ("recall", "precision", "unit", "year", "target", "qualifier", "metric")
MAX_TITLE = 120


def scorer() -> Any:
    """The shared scorer module, or the tests' copy of its matching."""
    path = SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "tests" / "gold_scoring.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def releases(part: str) -> list[Path]:
    """The corpus texts of one part ('dev', 'aside') or of both ('all')."""
    parts = ("dev", "aside") if part == "all" else (part,)
    return sorted(p for name in parts for p in (CORPUS / name).glob("*.txt"))


def score_release(path: Path, score: Any) -> dict[str, Any]:
    """The fact counts and document checks of one release."""
    doc = read_release(path)
    extracted = briefing_to_dict(extract_briefing(doc))
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")  # the file as written, as the shared scorer reads it
    facts = score(text, gold, extracted)
    document = json.loads(path.with_suffix(".document.json").read_text(encoding="utf-8"))
    return {"facts": facts, "document": document_checks(text, document, extracted),
            "name": path.stem}


def document_checks(text: str, gold: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """Date, issuer, title and headline checks of one extraction against its document gold."""
    doc = got["document"]
    dates = [gold.get("date"), *gold.get("date_alt", [])]
    issuer = (doc.get("issuer") or "").lower()
    names = [n.lower() for n in gold.get("issuer_any", [])]
    title = doc.get("title") or ""
    return {
        "date": doc.get("date") in dates,
        "issuer": bool(issuer) and any(n in issuer or issuer in n for n in names),
        "title": bool(title) and len(title) <= MAX_TITLE
        and not any(bad.lower() in title.lower() for bad in gold.get("title_must_not_contain", []))
        and any(w.lower() in title.lower() for w in gold.get("topic_words", [])),
        "headlines": headline_share(text, gold.get("headlines", []), got),
    }


def headline_share(text: str, headlines: list[dict[str, Any]], got: dict[str, Any]) -> float:
    """The share of the gold cover figures among the first five headline facts extracted."""
    if not headlines:
        return 1.0
    by_id = {f["id"]: f for f in got["facts"]}
    spans = [tuple(by_id[i]["span"]) for i in got.get("headlines", [])[:5] if i in by_id]
    found = 0
    for wanted in headlines:
        places = [_place(text, h) for h in (wanted, *wanted.get("alt", []))]
        if any(p and any(a < p[1] and p[0] < b for a, b in spans) for p in places):
            found += 1
    return found / len(headlines)


def _place(text: str, headline: dict[str, Any]) -> tuple[int, int] | None:
    start = text.find(headline.get("sentence_start", ""))
    at = text.find(headline["quote"], max(start, 0))
    return (at, at + len(headline["quote"])) if at >= 0 else None


def summary(results: list[dict[str, Any]]) -> dict[str, float]:
    """Micro-averaged fact rates and document accuracies over `results`."""
    gold = sum(r["facts"]["gold_facts"] for r in results) if "gold_facts" in results[0]["facts"] \
        else None
    out: dict[str, float] = {}
    found = sum(_found(r) for r in results)
    extracted = sum(_extracted(r) for r in results)
    out["recall"] = found / gold if gold else 0.0
    out["precision"] = found / extracted if extracted else 1.0
    for key in ("unit", "target", "qualifier", "metric"):
        ok = sum(r["facts"][f"{key}_accuracy" if key != "metric" else "metric_overlap"]
                 * _found(r) for r in results)
        out[key] = ok / found if found else 1.0
    pairs = sum(r["facts"].get("counts", {}).get("year_pairs", 0) for r in results)
    year_ok = sum(r["facts"].get("counts", {}).get("year_ok", 0) for r in results)
    out["year"] = year_ok / pairs if pairs else 1.0
    for key in ("date", "issuer", "title", "headlines"):
        out[key] = sum(float(r["document"][key]) for r in results) / len(results)
    return {k: round(v, 3) for k, v in out.items()}


def _found(result: dict[str, Any]) -> int:
    return int(result["facts"].get("found", 0))


def _extracted(result: dict[str, Any]) -> int:
    return int(result["facts"].get("extracted", 0))


def main(argv: list[str] | None = None) -> int:
    """Print the corpus scores of one part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", nargs="?", default="dev", choices=("dev", "aside", "all"))
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--each", action="store_true", help="one line per release")
    args = parser.parse_args(argv)
    score = scorer().score
    results = [score_release(p, score) for p in releases(args.part)]
    total = summary(results)
    if args.json:
        print(json.dumps({"summary": total, "releases": results}, indent=1, ensure_ascii=False))
        return 0
    if args.each:
        for r in results:
            f, d = r["facts"], r["document"]
            print(f"{r['name'][:44]:44} R {f['recall']:.2f} P {f['precision']:.2f} "
                  f"M {f['metric_overlap']:.2f} Y {f['year_accuracy']:.2f} "
                  f"date {int(d['date'])} issuer {int(d['issuer'])} title {int(d['title'])} "
                  f"head {d['headlines']:.2f}")
    print(f"{args.part}: {len(results)} releases, "
          + ", ".join(f"{k} {v:.3f}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
