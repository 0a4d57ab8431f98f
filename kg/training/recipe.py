"""The training recipe: data preparation and one Stanza trainer run per processor.

Every step writes a model under ``work_dir/models`` and a ``.done`` marker, so an interrupted run
resumes at the first unfinished step (the NER step also resumes from its best checkpoint).  Each
trainer runs in its own process with a fixed seed; its hyper-parameters are logged to
``work_dir/logs/<step>.json``.  ``install`` copies the finished models into the package.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)
SHORTHAND = "ar_kgnews"
PACKAGE = "kgnews"
SEED = "1234"


@dataclass
class Recipe:
    data_dir: Path
    work_dir: Path
    threads: int = 1
    ner_steps: int = 20000
    aqmar: bool = True  # add AQMAR train (Wikipedia) to ANERcorp train for NER
    extra: dict[str, list[str]] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        return self.work_dir / "data"

    @property
    def models(self) -> Path:
        return self.work_dir / "models"

    @property
    def pretrain32(self) -> Path:
        return self.work_dir / "vectors" / "ar_news.pretrain.f32.pt"

    def model_path(self, step: str) -> Path:
        return self.models / step / f"{PACKAGE}.pt"

    # -- argument lists, one per Stanza trainer ------------------------------------------
    def args_tokenize(self) -> list[str]:
        d = self.data
        return ["stanza.models.tokenizer", "--lang", "ar", "--shorthand", SHORTHAND,
                "--txt_file", str(d / "ar_tok.train.txt"), "--label_file", str(d / "ar_tok.train-ud.toklabels"),
                "--dev_txt_file", str(d / "ar_tok.dev.txt"), "--dev_label_file", str(d / "ar_tok.dev-ud.toklabels"),
                "--dev_conll_gold", str(d / "ar_tok.dev.gold.conllu"),
                "--mwt_json_file", str(d / "ar_tok.train-mwt.json"),
                "--conll_file", str(self.work_dir / "tok_dev_pred.conllu"),
                "--steps", "3000", "--eval_steps", "300", "--seed", SEED,
                "--save_dir", str(self.models / "tokenize"), "--save_name", f"{PACKAGE}.pt"]

    def _ud_common(self, module: str, step: str, lang: bool = True) -> list[str]:
        d = self.data
        return [module, *(["--lang", "ar"] if lang else []), "--shorthand", SHORTHAND,
                "--train_file", str(d / "ar_pud.train.conllu"), "--eval_file", str(d / "ar_pud.dev.conllu"),
                "--output_file", str(self.work_dir / f"{step}_dev_pred.conllu"), "--seed", SEED,
                "--save_dir", str(self.models / step), "--save_name", f"{PACKAGE}.pt"]

    def args_pos(self) -> list[str]:
        # A lean tagger (UPOS only, small char model and LSTM): it runs on every sentence of a
        # build, and Stanza's default sizes cost twice the NER tagger for half a point of UPOS.
        d = self.data
        args = self._ud_common("stanza.models.tagger", "pos")
        args[args.index("--train_file") + 1] = str(d / "ar_pud.train.upos.conllu")
        args[args.index("--eval_file") + 1] = str(d / "ar_pud.dev.upos.conllu")
        return args + [
            "--wordvec_pretrain_file", str(self.pretrain32), "--pretrain_max_vocab", "-1", "--max_steps", "1500",
            "--eval_interval", "100", "--fix_eval_interval", "--batch_size", "32", "--log_step", "50", "--char_hidden_dim", "150",
            "--hidden_dim", "150", "--num_layers", "1", "--deep_biaff_hidden_dim", "100",
            "--composite_deep_biaff_hidden_dim", "50", "--word_emb_dim", "75"]

    def args_lemma(self) -> list[str]:
        return self._ud_common("stanza.models.lemmatizer", "lemma", lang=False) + ["--num_epoch", "20"]

    def args_depparse(self) -> list[str]:
        return self._ud_common("stanza.models.parser", "depparse") + [
            "--wordvec_pretrain_file", str(self.pretrain32), "--max_steps", "3000", "--eval_interval", "100",
            "--batch_size", "1000"]

    def _args_charlm(self, direction: str) -> list[str]:
        # small (256 hidden units), one pass over ~11M characters: an hour of 2 CPU cores for both
        d = self.data / "charlm"
        return ["stanza.models.charlm", "--train_dir", str(d / "train"), "--eval_file", str(d / "dev.txt"),
                "--shorthand", SHORTHAND, "--direction", direction, "--char_hidden_dim", "256", "--batch_size", "50",
                "--bptt_size", "150", "--report_steps", "100", "--cutoff", "50", "--epochs", "1",
                "--eval_steps", "1000", "--seed", SEED,
                "--save_dir", str(self.models / f"charlm_{direction}"), "--save_name", f"{PACKAGE}.pt"]

    def args_charlm_forward(self) -> list[str]:
        return self._args_charlm("forward")

    def args_charlm_backward(self) -> list[str]:
        return self._args_charlm("backward")

    def charlms(self) -> list[str]:
        """NER arguments for the character language models, when both are trained."""
        done = all((self.models / f"charlm_{d}" / ".done").exists() for d in ("forward", "backward"))
        if not done:
            return []
        return ["--charlm", "--charlm_shorthand", SHORTHAND,
                "--charlm_forward_file", str(self.model_path("charlm_forward")),
                "--charlm_backward_file", str(self.model_path("charlm_backward"))]

    def args_ner(self) -> list[str]:
        d = self.data
        args = ["stanza.models.ner_tagger", "--shorthand", SHORTHAND,
                "--train_file", str(d / "ar_ner.train.json"), "--eval_file", str(d / "ar_ner.dev.json"),
                "--wordvec_pretrain_file", str(self.pretrain32), "--pretrain_max_vocab", "-1",
                # Stanza's SGD (lr 0.1) with frozen vectors: slow, but the best dev F1 so far; Adam
                # (lr 0.002) rose 4x faster and then over- or under-fit (model card, Training)
                "--no_emb_finetune", "--max_steps", str(self.ner_steps), "--eval_interval", "500",
                # no second optimiser: Adam (lr 0.002) after SGD had stalled cut dev F1 from 0.73 to 0.57
                "--max_steps_no_improve", "2500",
                "--seed", SEED, "--save_dir", str(self.models / "ner"), "--save_name", f"{PACKAGE}.pt",
                *self.charlms()]
        if self.model_path("ner").exists():  # resume from the best checkpoint so far
            args += ["--finetune", "--finetune_load_name", str(self.model_path("ner"))]
        return args

    def seed_from(self, bundled: Path) -> None:
        """Continue training from shipped models: their word vectors become the pretrain and their
        NER model the checkpoint NER resumes from (vectors and NER vocabulary must stay paired)."""
        import torch

        (self.work_dir / "vectors").mkdir(parents=True, exist_ok=True)
        if not self.pretrain32.exists():
            data = torch.load(bundled / "ar" / "pretrain" / f"{PACKAGE}.pt", weights_only=True)
            data["emb"] = data["emb"].float()
            torch.save(data, self.pretrain32, _use_new_zipfile_serialization=False)
            shutil.copy2(bundled / "ar" / "pretrain" / f"{PACKAGE}.pt", self.work_dir / "vectors" / "ar_news.pretrain.pt")
        if not self.model_path("ner").exists():
            self.model_path("ner").parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(bundled / "ar" / "ner" / f"{PACKAGE}.pt", self.model_path("ner"))

    # -- running ---------------------------------------------------------------------------
    def prepare(self) -> None:
        from kg.training.charlm_data import prepare_charlm
        from kg.training.ner_data import prepare_ner, training_words
        from kg.training.ud_data import prepare_ud
        from kg.training.vectors import train_vectors

        if not self.pretrain32.exists():
            train_vectors(self.data_dir / "raw", self.work_dir / "vectors", must_have=training_words(self.data_dir),
                          workers=max(self.threads, 2))
        if not (self.data / "ar_ner.dev.json").exists():
            prepare_ud(self.data_dir, self.data)
            prepare_ner(self.data_dir, self.data, with_aqmar=self.aqmar)
        if not (self.data / "charlm" / "dev.txt").exists():
            prepare_charlm(self.data_dir / "raw", self.data / "charlm")

    def run_step(self, step: str) -> Path:
        marker = self.models / step / ".done"
        if marker.exists():
            log.info("%s: already trained, skipping", step)
            return self.model_path(step)
        args = getattr(self, f"args_{step}")() + self.extra.get(step, [])
        logs = self.work_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        # every run of a step is logged (a resumed NER run appends its own entry)
        record = logs / f"{step}.json"
        runs = json.loads(record.read_text())["runs"] if record.exists() else []
        runs.append({"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "threads": self.threads, "args": args})
        record.write_text(json.dumps({"step": step, "runs": runs}, ensure_ascii=False, indent=1))
        env = dict(os.environ, OMP_NUM_THREADS=str(self.threads), MKL_NUM_THREADS=str(self.threads))
        log.info("%s: training (log in %s)", step, logs / f"{step}.log")
        with (logs / f"{step}.log").open("a") as out:
            subprocess.run([sys.executable, "-m", *args], env=env, stdout=out, stderr=subprocess.STDOUT, check=True)
        marker.touch()
        return self.model_path(step)

    def install(self, target: Path, partial: bool = False) -> None:
        """Copy finished models (float16) and the pretrain into ``target`` (Stanza resource layout).

        ``partial`` also installs the best checkpoint of a step still training.
        """
        for step in ("tokenize", "pos", "lemma", "depparse", "ner"):
            if (self.models / step / ".done").exists() or (partial and self.model_path(step).exists()):
                dest = target / "ar" / step / f"{PACKAGE}.pt"
                dest.parent.mkdir(parents=True, exist_ok=True)
                halve(self.model_path(step), dest)
        for direction in ("forward", "backward"):  # Stanza's layout: ar/forward_charlm/<name>.pt
            if (self.models / f"charlm_{direction}" / ".done").exists():
                dest = target / "ar" / f"{direction}_charlm" / f"{PACKAGE}.pt"
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.model_path(f"charlm_{direction}"), dest)
        pre = target / "ar" / "pretrain" / f"{PACKAGE}.pt"
        pre.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.work_dir / "vectors" / "ar_news.pretrain.pt", pre)
        # steps not retrained in this work folder keep the log of the run that made their model
        record = target / "training.json"
        logs = json.loads(record.read_text()) if record.exists() else {}
        logs.update({p.stem: json.loads(p.read_text()) for p in sorted((self.work_dir / "logs").glob("*.json"))})
        record.write_text(json.dumps(logs, ensure_ascii=False, indent=1))


def halve(src: Path, dest: Path) -> None:
    """Save a Stanza model with float16 weights: half the size; Stanza casts back on load."""
    import torch

    data = torch.load(src, map_location="cpu", weights_only=False)
    for name, tensor in data.get("model", {}).items():
        if isinstance(tensor, torch.Tensor) and tensor.is_floating_point():
            data["model"][name] = tensor.half()
    torch.save(data, dest)


STEPS = ("tokenize", "pos", "lemma", "charlm_forward", "charlm_backward", "ner", "depparse")
