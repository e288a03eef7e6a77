"""The command line: tag and dates, with a stand-in date engine so the tests fix the input."""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline import cli
from timeline.dates import find_dates as real_find_dates
from timeline.model import TimeExpression

ROOT = Path(__file__).parent.parent
ATT = Path(__file__).parent / "data" / "att.tml"
CALLS: list[tuple[str, str, str | None]] = []


def fake_find_dates(text, language, dct=None, doc_id="", notes=None):
    """Tags every "Dienstag"/"Tuesday" as the DCT's day; fails on a text asking for it."""
    CALLS.append((doc_id, language, dct.value if dct else None))
    if "EXPLODE" in text:
        raise RuntimeError("engine broke")
    found = []
    for n, m in enumerate(re.finditer(r"Dienstag|Tuesday", text), 1):
        found.append(
            TimeExpression(
                m.start(),
                m.end(),
                m[0],
                "DATE",
                dct.value if dct else "XXXX-WXX-2",
                earliest=dct.earliest if dct else None,
                latest=dct.latest if dct else None,
                explanation="weekday closest to the DCT",
                id=f"t{n}",
            )
        )
    return found


@pytest.fixture(autouse=True)
def engine(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(cli, "find_dates", fake_find_dates)


def text_of(xml: str) -> str:
    return xml[xml.index(">", xml.index("<TEXT")) + 1 : xml.index("</TEXT>")]


def test_tag_folder(tmp_path, capsys):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "att.tml").write_bytes(ATT.read_bytes())
    (src / "sub" / "a.txt").write_text("date 2024-05-14 Foto: dpa\nAm Dienstag & danach.")
    lines = [{"id": "n/1", "text": "Der Dienstag war nass."}, {"text": "Nichts."}]
    (src / "news.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    out = tmp_path / "out"
    assert cli.main(["tag", str(src), "--out", str(out)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tml")) == [
        "att.tml",
        "n_1.tml",
        "news.jsonl_2.tml",
        "sub/a.txt.tml",
    ]
    original = ATT.read_text(encoding="utf-8")
    tagged = (out / "att.tml").read_text(encoding="utf-8")
    assert tagged.startswith(original[: original.index("<TEXT>")])
    assert text_of(tagged) == (
        '\nAT&amp;T said on <TIMEX3 tid="t1" type="DATE" value="1998-01-08">Tuesday</TIMEX3>'
        " that profits rose &lt;5%&gt; in 1997.\n"
    )
    a = (out / "sub" / "a.txt.tml").read_text(encoding="utf-8")
    assert text_of(a) == (
        'Foto: dpa\nAm <TIMEX3 tid="t1" type="DATE" value="2024-05-14">Dienstag</TIMEX3>'
        " &amp; danach."
    )
    assert '<TIMEX3 tid="t0" type="DATE" value="2024-05-14"' in a
    assert "3 TIMEX3 tags" in capsys.readouterr().err
    # Detected: German for the German texts ("Nichts" too), English for AT&T.
    assert sorted(CALLS) == [
        ("att.tml", "en", "1998-01-08"),
        ("n/1", "de", None),
        ("news.jsonl:2", "de", None),
        ("sub/a.txt", "de", "2024-05-14"),
    ]


def test_dct_and_lang_options_override(tmp_path):
    out = tmp_path / "out"
    assert cli.main(["tag", str(ATT), "--out", str(out), "--dct", "2001-02", "--lang", "de"]) == 0
    assert CALLS == [("att.tml", "de", "2001-02")]
    assert 'value="2001-02"' in (out / "att.tml").read_text(encoding="utf-8")


def test_bad_files_are_reported_and_the_rest_tagged(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Am Dienstag.")
    (tmp_path / "b.txt").write_bytes(bytes(50))
    (tmp_path / "c.txt").write_text("EXPLODE am Dienstag.")
    (tmp_path / "d.txt").write_text("date 2021-13\nAm Dienstag.")
    out = tmp_path / "out"
    code = cli.main(["tag", str(tmp_path / "missing"), str(tmp_path), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{tmp_path / 'missing'}: no such file or folder" in err
    assert f"{tmp_path / 'b.txt'}: looks like a binary file" in err
    assert f"{tmp_path / 'c.txt'}: unexpected error: RuntimeError: engine broke" in err
    assert f"{tmp_path / 'd.txt'}: warning: DCT ignored" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.tml", "d.txt.tml"]
    assert "2 of 4 files tagged without errors" in err


def test_tag_refuses_to_overwrite_its_input(tmp_path, capsys):
    (tmp_path / "x.tml").write_bytes(ATT.read_bytes())
    assert cli.main(["tag", str(tmp_path), "--out", str(tmp_path)]) == 1
    assert "would overwrite the input" in capsys.readouterr().err
    assert (tmp_path / "x.tml").read_bytes() == ATT.read_bytes()


@pytest.mark.parametrize("bad", ["2021-13", "31.02.2021", "2021-02-29", "soon"])
def test_bad_dct_option(bad, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["tag", str(ATT), "--out", str(tmp_path), "--dct", bad])
    assert exit_.value.code == 2
    assert "argument --dct" in capsys.readouterr().err
    assert CALLS == []


def test_module_entry_point_bad_dct(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "timeline", "dates", str(ATT), "--dct", "2021-13"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 2
    assert "month 13 does not exist" in run.stderr
    assert "Traceback" not in run.stderr


def test_dates_table(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-05\nAm Dienstag, nicht am Mittwoch.")
    assert cli.main(["dates", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "a.txt  (language de, DCT 2024-05)"
    columns = ["text", "type", "value", "earliest – latest", "explanation"]
    assert re.split(r"\s{2,}", lines[1]) == columns
    assert re.split(r"\s{2,}", lines[2]) == [
        "Dienstag",
        "DATE",
        "2024-05",
        "2024-05-01 – 2024-05-31",
        "weekday closest to the DCT",
    ]
    assert len(lines) == 4 and lines[3] == ""


def test_dates_nothing_found_and_unreadable(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Nichts.")
    assert cli.main(["dates", str(tmp_path / "a.txt"), "--dct", "2024"]) == 0
    assert "no dates found" in capsys.readouterr().out
    (tmp_path / "b.txt").write_bytes(b"")
    assert cli.main(["dates", str(tmp_path / "b.txt")]) == 1
    assert "b.txt: empty file" in capsys.readouterr().err


def test_date_table_single_day_and_open_interval():
    rows = [
        TimeExpression(
            0, 5, "heute", "DATE", "2024-05-15", None, date(2024, 5, 15), date(2024, 5, 15)
        ),
        TimeExpression(6, 12, "  drei\nTage ", "DURATION", "P3D", "APPROX"),
    ]
    table = cli.date_table(rows).splitlines()
    assert table[1].split() == ["heute", "DATE", "2024-05-15", "2024-05-15"]
    assert table[2].split() == ["drei", "Tage", "DURATION", "P3D", "(APPROX)", "–"]


def test_out_must_be_a_folder(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert cli.main(["tag", str(ATT), "--out", str(tmp_path / "file")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_write_failure_is_reported_per_file(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text("Am Dienstag.")
    (src / "b.txt").write_text("Am Dienstag.")
    out.mkdir()
    (out / "sub").write_text("a file where a folder should be")
    assert cli.main(["tag", str(src), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src / 'sub' / 'a.txt'}: cannot write {out / 'sub' / 'a.txt.tml'}" in err
    assert "1 of 2 files tagged without errors" in err
    assert (out / "b.txt.tml").is_file()


def test_two_inputs_never_share_an_output(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Am Dienstag.")
    (tmp_path / "a.txt.tml").write_bytes(ATT.read_bytes())
    out = tmp_path / "out"
    assert cli.main(["tag", str(tmp_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a.txt.tml'}: not written: {out / 'a.txt.tml'} was already written" in err
    assert "<TimeML>\n<DOCID>a.txt</DOCID>" in (out / "a.txt.tml").read_text(encoding="utf-8")


def test_dates_notes_an_impossible_date(tmp_path, capsys, monkeypatch):
    """The real engine leaves out "31. Februar" and the table says so."""
    monkeypatch.setattr(cli, "find_dates", real_find_dates)
    path = tmp_path / "a.txt"
    path.write_text("date 2024-05-15\nDie Wahl sei am 31. Februar, sagte er gestern.")
    assert cli.main(["dates", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2024-05-14" in out  # "gestern"
    assert "note: '31. Februar' (16-27) ignored: day 31 does not exist in month 2" in out
