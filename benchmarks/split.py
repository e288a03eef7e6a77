"""The fixed tune/report split of a benchmark corpus: rules are tuned on `dev` only.

A document belongs to `dev` when the SHA-1 of its file name is even, else to `test`;
the split does not depend on the file order or on the files present.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

PARTS = ("dev", "test", "all")  # the choices of every benchmark's --part


def part_of(path: Path) -> str:
    return "dev" if hashlib.sha1(path.name.encode()).digest()[-1] % 2 == 0 else "test"


def documents(folder: Path, part: str = "all") -> list[Path]:
    """The .tml files under `folder` (recursively) in `part` ("dev", "test" or "all")."""
    files = sorted(p for p in folder.rglob("*.tml") if p.is_file())
    return [p for p in files if part == "all" or part_of(p) == part]


def documents_from_command_line(description: str) -> tuple[list[Path], str]:
    """The documents a benchmark run on one corpus folder reads (`folder [--part dev]`), and
    the part, for the benchmarks that take no other argument."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--part", choices=PARTS, default="dev")
    args = parser.parse_args()
    return documents(args.folder, args.part), args.part
