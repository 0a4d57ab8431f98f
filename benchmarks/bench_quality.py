"""Build the authored articles (benchmarks/news) and score them with the shared scorer.

    python benchmarks/bench_quality.py [--sets dev heldout3 ...] [--scorer ../shared/eval/score.py]

Prints entity and relation precision / recall / F1 for each set.  Figures, not pass/fail.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("dev", "heldout", *(f"heldout{n}" for n in range(2, 17)))


def score(name: str, scorer: Path, workers: int) -> str:
    from kg.pipeline import Builder

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        Builder(cache_path=Path(tmp) / "cache.sqlite", workers=workers).build([HERE / "news" / name], out)
        gold = HERE / "news" / f"{name}_gold.jsonl"
        done = subprocess.run([sys.executable, str(scorer), str(gold), str(out / "graph.json")],
                              capture_output=True, text=True, check=True)
    return "\n".join(done.stdout.splitlines()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scorer", type=Path, default=HERE.parent.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS), help="which sets to score (default: all)")
    args = parser.parse_args()
    if not args.scorer.is_file():
        sys.exit(f"No scorer at {args.scorer}: pass --scorer PATH to ../shared/eval/score.py.")
    for name in args.sets:
        print(f"== {name}\n{score(name, args.scorer, args.workers)}")


if __name__ == "__main__":
    main()
