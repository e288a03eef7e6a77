"""The benchmark's TempEval-3 scorer, gold reader and HeidelTime alignment, on hand-made data."""

from __future__ import annotations

import pytest

from benchmarks.heideltime_runner import spans_on
from benchmarks.timeml_gold import GoldError, read_gold
from benchmarks.timex_scorer import Span, count, relaxed_pairs, score


def test_perfect_tagging_scores_one_everywhere():
    gold = [Span(0, 5, "DATE", "2014")]
    s = score([(gold, list(gold))])
    assert (s.strict_f1, s.relaxed_f1, s.type_f1, s.value_accuracy, s.value_f1) == (1, 1, 1, 1, 1)


def test_exact_overlapping_and_spurious_spans():
    gold = [
        Span(0, 10, "DATE", "2014-02-18"),
        Span(20, 25, "DURATION", "P2Y"),
        Span(40, 45, "DATE", "PAST_REF"),  # missed
    ]
    system = [
        Span(0, 10, "DATE", "2014-02-18"),  # exact, right value
        Span(18, 23, "DURATION", "P3Y"),  # overlaps, wrong value
        Span(60, 65, "DATE", "2014"),  # spurious
    ]
    s = score([(gold, system)])
    # strict: 1 of 3 system, 1 of 3 gold; relaxed: 2 of 3 each.
    assert s.strict_p == pytest.approx(1 / 3)
    assert s.strict_r == pytest.approx(1 / 3)
    assert s.strict_f1 == pytest.approx(1 / 3)
    assert s.relaxed_f1 == pytest.approx(2 / 3)
    # both relaxed pairs have the right type, one of two the right value.
    assert s.type_f1 == pytest.approx(2 / 3)
    assert s.value_accuracy == pytest.approx(1 / 2)
    assert s.value_f1 == pytest.approx(1 / 3)


def test_a_gold_span_pairs_with_one_system_span_only():
    gold = [Span(0, 20, "DATE", "1998")]
    system = [Span(0, 5, "DATE", "1998"), Span(10, 20, "DATE", "1998")]
    c = count(gold, system)
    assert (c.relaxed, c.strict) == (1, 0)
    s = score([(gold, system)])
    assert (s.relaxed_p, s.relaxed_r) == (0.5, 1.0)


def test_pairing_finds_the_most_pairs_not_the_greediest():
    # S0 overlaps both gold spans (and G0 the most); only G0 overlaps S1.
    gold = [Span(0, 10, "DATE", "a"), Span(10, 20, "DATE", "b")]
    system = [Span(4, 15, "DATE", "x"), Span(0, 3, "DATE", "y")]
    assert relaxed_pairs(gold, system) == [(0, 1), (1, 0)]


def test_counts_are_summed_over_documents_before_dividing():
    doc1 = ([Span(0, 4, "DATE", "2001")], [Span(0, 4, "DATE", "2001")])
    doc2 = (
        [Span(0, 4, "DATE", "2002"), Span(9, 12, "TIME", "T10"), Span(20, 24, "SET", "P1D")],
        [],
    )
    s = score([doc1, doc2])
    assert (s.strict_p, s.strict_r) == (1.0, 0.25)
    assert s.strict_f1 == pytest.approx(0.4)  # 2 * 1 * 0.25 / 1.25


def test_nothing_found_and_nothing_to_find_gives_zero_not_an_error():
    s = score([([], [])])
    assert (s.strict_f1, s.relaxed_f1, s.value_accuracy, s.value_f1) == (0, 0, 0, 0)


def test_values_compare_without_case_or_surrounding_space():
    c = count([Span(0, 5, "DATE", "PRESENT_REF")], [Span(0, 5, "DATE", " present_ref")])
    assert c.value_ok == 1


GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2014-02-18">18.2.2014</TIMEX3></DCT>
<TEXT>A &amp; B kamen <TIMEX3 tid="t1" type="DATE" value="2014-02-17">gestern</TIMEX3>, \
<EVENT eid="e1">blieben</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P2D">zwei Tage</TIMEX3>.\
</TEXT>
<TIMEX3 tid="t5" type="DATE" value="PAST_REF" />
</TimeML>
"""


def test_gold_text_is_the_unescaped_text_content_and_offsets_point_into_it(tmp_path):
    path = tmp_path / "d1.tml"
    path.write_text(GOLD, encoding="utf-8")
    doc = read_gold(path)
    assert doc.text == "A & B kamen gestern, blieben zwei Tage."
    assert (doc.id, doc.dct) == ("d1", "2014-02-18")
    assert doc.spans == (Span(12, 19, "DATE", "2014-02-17"), Span(29, 38, "DURATION", "P2D"))


def test_a_broken_gold_file_is_reported_clearly(tmp_path):
    path = tmp_path / "broken.tml"
    path.write_text("<TimeML><TEXT>open", encoding="utf-8")
    with pytest.raises(GoldError, match="broken.tml"):
        read_gold(path)


def test_heideltime_output_is_mapped_back_onto_our_text():
    text = "A & B kamen gestern."
    # HeidelTime adds a newline after <TimeML> and does not escape "&".
    output = (
        '<?xml version="1.0"?>\n<TimeML>\nA & B kamen '
        '<TIMEX3 tid="t1" type="DATE" value="2014-02-17">gestern</TIMEX3>.\n</TimeML>\n'
    )
    assert spans_on(text, output) == [Span(12, 19, "DATE", "2014-02-17")]


def test_heideltime_output_with_changed_whitespace_still_aligns():
    text = "Am  3. März\n2013 kam er."
    output = (
        '<TimeML>Am <TIMEX3 type="DATE" value="2013-03-03">3. März 2013</TIMEX3> kam er.</TimeML>'
    )
    assert spans_on(text, output) == [Span(4, 16, "DATE", "2013-03-03")]
