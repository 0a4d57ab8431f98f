"""Command line: ``kg build``, ``kg models ...``, ``kg schemas``, and the query commands.

Only this module exits the process; everything else raises ``KGError`` subclasses.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kg.errors import KGError
from kg.ingest import IngestReport

app = typer.Typer(help="Arabic news -> knowledge graph of political and tech influence.", no_args_is_help=True)
models_app = typer.Typer(help="Train, evaluate and inspect the Stanza models.", no_args_is_help=True)
app.add_typer(models_app, name="models")
# soft_wrap: long Arabic sentences and paths are not cut into pieces (and pipe cleanly)
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

ModelsOpt = Annotated[str | None, typer.Option(
    "--models", help="bundled (default), official (download), or a folder of models; env KG_MODELS")]


def _fail(exc: KGError) -> None:
    err.print(f"[bold red]error:[/] {escape(str(exc))}")
    raise typer.Exit(code=2)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Folders or files of articles (.txt .md .json .jsonl .html)")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("outputs"),
    models: ModelsOpt = None,
    cache: Annotated[Path | None, typer.Option(help="SQLite cache file (default: OUT/.kg-cache.sqlite)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the cache")] = False,
    workers: Annotated[int | None, typer.Option(help="NLP worker processes (default: the CPU cores)")] = None,
    executor: Annotated[str, typer.Option(help="local (process pool) or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, for --executor dask")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Build the influence graph of a folder of Arabic news articles."""
    from kg.nlp.parallel import default_workers
    from kg.pipeline import Builder, summary

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    cache_path = None if no_cache else (cache or out / ".kg-cache.sqlite")
    if cache_path is not None:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task("articles", total=None)
            if executor not in {"local", "dask"} or (executor == "dask" and not scheduler):
                raise KGError("--executor is 'local' or 'dask'; dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
            builder = Builder(models, cache_path, lambda stage, done, total: bar.update(task, completed=done, total=total),
                              workers=workers or default_workers(), executor=executor, scheduler=scheduler)
            result = builder.build(paths, out)
    except KGError as exc:
        _fail(exc)
        return
    _print_summary(summary(result), result.report)


def _print_summary(info: dict[str, Any], report: IngestReport) -> None:
    for item in report.skipped:
        err.print(f"[yellow]skipped[/] {escape(item.path)}: {escape(item.reason)}")
    for item in report.warnings:
        err.print(f"[yellow]warning[/] {escape(item.path)}: {escape(item.reason)}")
    console.print(f"Articles: {info['articles_read']} read, {info['files_skipped']} skipped; "
                  f"{info['from_cache']} from cache, {info['processed']} processed.")
    if info["up_to_date"]:
        console.print("Nothing changed since the last build: the outputs below are up to date.")
    table = Table("entity type", "count", "relation", "count")
    ents, rels = list(info["entities"].items()), list(info["relations"].items())
    for i in range(max(len(ents), len(rels))):
        e = ents[i] if i < len(ents) else ("", "")
        r = rels[i] if i < len(rels) else ("", "")
        table.add_row(e[0], str(e[1]), r[0], str(r[1]))
    console.print(table)
    for name, path in info["outputs"].items():
        console.print(f"  {name:14} {path}", markup=False)


@app.command()
def schemas(
    out: Annotated[Path, typer.Option(help="Folder for the JSON Schemas")] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help="Fail if the files differ from the models")] = False,
) -> None:
    """Write JSON Schemas generated from the Pydantic models (or check they are up to date)."""
    from kg.schemas_gen import schema_texts

    stale = []
    for name, text in schema_texts().items():
        path = out / f"{name}.schema.json"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            console.print(f"wrote {path}")
    if stale:
        err.print(f"[red]schemas out of date:[/] {', '.join(stale)}; run `kg schemas`")
        raise typer.Exit(code=1)


@models_app.command("info")
def models_info(models: ModelsOpt = None) -> None:
    """Show which model files would be used."""
    from kg.nlp import resolve_models

    try:
        spec = resolve_models(models)
    except KGError as exc:
        _fail(exc)
        return
    console.print(json.dumps({"name": spec.name, "version": spec.version(),
                              "files": {k: str(v) for k, v in spec.paths.items()},
                              "stanza_dir": str(spec.stanza_dir) if spec.stanza_dir else None}, indent=1))


@models_app.command("evaluate")
def models_evaluate(
    ner: Annotated[list[Path], typer.Option("--ner", help="BIO file(s) to score NER on")] = [],  # noqa: B006
    conllu: Annotated[list[Path], typer.Option("--conllu", help="CoNLL-U file(s) for tokens, UPOS, lemmas")] = [],  # noqa: B006
    wojood: Annotated[bool, typer.Option(help="Map Wojood tags (PERS, GPE, ...) onto PER/LOC/ORG")] = False,
    models: ModelsOpt = None,
) -> None:
    """Print NER P/R/F1 and tokenization / UPOS / lemma accuracy as JSON."""
    from kg.evaluate import evaluate_conllu, evaluate_ner
    from kg.nlp import resolve_models

    try:
        spec = resolve_models(models)
        report = {"models": spec.name, "ner": {str(p): evaluate_ner(spec, p, wojood=wojood) for p in ner},
                  "conllu": {str(p): evaluate_conllu(spec, p) for p in conllu}}
    except KGError as exc:
        _fail(exc)
        return
    print(json.dumps(report, indent=1, ensure_ascii=False))


DEFAULT_STEPS = "tokenize,pos,lemma,charlm_forward,charlm_backward,ner"


@models_app.command("train")
def models_train(
    data: Annotated[Path, typer.Option(help="The shared data folder (ud/, ner/, raw/)")] = Path("../shared/data"),
    work: Annotated[Path, typer.Option(help="Working folder for data, checkpoints and logs")] = Path("work"),
    steps: Annotated[str, typer.Option(help="Comma-separated steps, in order")] = DEFAULT_STEPS,
    threads: Annotated[int, typer.Option(help="CPU threads per trainer")] = 1,
    ner_steps: Annotated[int, typer.Option(help="Maximum NER training steps")] = 10000,
    install: Annotated[bool, typer.Option(help="Copy finished models into the package")] = True,
    aqmar: Annotated[bool, typer.Option(help="Add AQMAR train to ANERcorp train for NER")] = True,
    resume_bundled: Annotated[bool, typer.Option(help="Start from the shipped vectors and NER model (more NER steps)")] = False,
) -> None:
    """Train the bundled models from public data (resumable: finished steps are skipped)."""
    from kg.nlp.models import BUNDLED_DIR
    from kg.training.recipe import STEPS, Recipe

    chosen = [s.strip() for s in steps.split(",") if s.strip()]
    if unknown := [s for s in chosen if s not in STEPS]:
        _fail(KGError(f"Unknown training step(s) {', '.join(unknown)}: choose from {', '.join(STEPS)}."))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    recipe = Recipe(data, work, threads=threads, ner_steps=ner_steps, aqmar=aqmar)
    if resume_bundled:
        recipe.seed_from(BUNDLED_DIR)
    recipe.prepare()
    for step in chosen:
        recipe.run_step(step)
    if install:
        recipe.install(BUNDLED_DIR)
        console.print(f"models installed in {BUNDLED_DIR}")


GraphOpt = Annotated[Path, typer.Option("--graph", "-g", help="graph.json or the build's output folder")]


@app.command()
def who(name: str, graph: GraphOpt = Path("outputs")) -> None:
    """Who is this actor: names, type, aliases, articles and relations."""
    from kg.query import load

    try:
        g = load(graph)
        info = g.describe(name)
        links = g.neighbours(name)
    except KGError as exc:
        _fail(exc)
        return
    name_en = f" — {info['name_en']}" if info.get("name_en") else ""
    console.print(f"{info['label']} ({info['type']}){name_en}", markup=False)
    console.print("aliases: " + "، ".join(info.get("aliases", [])), markup=False)
    console.print(f"articles: {', '.join(info.get('articles', []))}", markup=False)
    for link in links:
        arrow = "->" if link["direction"] == "out" else "<-"
        console.print(f"  {arrow} {link['relation']:11} {link['label']}  (weight {link['weight']})", markup=False)


@app.command()
def path(source: str, target: str, graph: GraphOpt = Path("outputs"),
         max_length: Annotated[int, typer.Option(help="Also list every path up to this many hops")] = 0) -> None:
    """How two actors are connected, hop by hop, with the evidence of each hop."""
    from kg.query import load

    try:
        g = load(graph)
        paths = g.all_paths(source, target, max_length) if max_length else [g.shortest_path(source, target)]
    except KGError as exc:
        _fail(exc)
        return
    if not paths:
        console.print(f"No path of at most {max_length} relations.")
    for n, hops in enumerate(paths, 1):
        console.print(f"[bold]path {n}[/] ({len(hops)} hops)")
        for hop in hops:
            console.print(f"  {hop}", markup=False)
            for ev in hop.evidence[:2]:
                console.print(f"      [{ev['article']}] {ev['sentence']}", markup=False, style="dim")


@app.command()
def show(actor: str, graph: GraphOpt = Path("outputs"),
         radius: Annotated[int, typer.Option(help="Relations away from the actor")] = 2,
         out: Annotated[Path | None, typer.Option(help="Output folder (default: OUT/ego-<id>)")] = None) -> None:
    """Write the ego network of one actor (HTML, GraphML, GEXF, JSON)."""
    from kg.query import load

    try:
        g = load(graph)
        node = g.find(actor)
        ego = g.ego(node, radius)
        folder = out or (graph if graph.is_dir() else graph.parent) / f"ego-{node.replace(':', '-')}"
        written = ego.write(folder)
    except KGError as exc:
        _fail(exc)
        return
    console.print(f"{len(ego)} actors within {radius} relations of {g.label(node)}:", markup=False)
    for name, p in written.items():
        console.print(f"  {name:8} {p}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
