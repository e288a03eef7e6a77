"""Writing TimeML: <TEXT> stays byte-identical to the input except for our TIMEX3 tags."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from timeline import timeml
from timeline.model import Document, DocumentDate, TimeExpression
from timeline.reading import read_text, read_timeml

ATT = (Path(__file__).parent / "data" / "att.tml").read_text(encoding="utf-8")


def timex(text: str, start: int, phrase: str, value: str, tid: str, **extra) -> TimeExpression:
    """An expression for the first `phrase` at or after `start`, checked against `text`."""
    begin = text.index(phrase, start)
    return TimeExpression(begin, begin + len(phrase), phrase, "DATE", value, id=tid, **extra)


def body(xml: str) -> str:
    return xml[xml.index(">", xml.index("<TEXT")) + 1 : xml.index("</TEXT>")]


def strip_our_tags(raw: str) -> str:
    return re.sub(r"</?TIMEX3[^>]*>", "", raw)


def test_plain_text_escaped_and_tagged():
    doc = read_text("date 2024-05-15\nAm 3. Mai <sic> stiegen Kosten & Preise.\n", "a.txt")
    t = timex(doc.text, 0, "3. Mai", "2024-05-03", "t1")
    xml, problems = timeml.write_timeml(doc, [t])
    assert problems == []
    assert body(xml) == (
        'Am <TIMEX3 tid="t1" type="DATE" value="2024-05-03">3. Mai</TIMEX3> '
        "&lt;sic&gt; stiegen Kosten &amp; Preise.\n"
    )
    assert "<DOCID>a.txt</DOCID>" in xml
    root = ET.fromstring(xml.encode())
    dct = root.find("DCT/TIMEX3")
    assert dct.get("value") == "2024-05-15"
    assert dct.get("functionInDocument") == "CREATION_TIME"
    assert dct.get("tid") == "t0"
    assert "".join(root.find("TEXT").itertext()) == doc.text


def test_no_dct_no_dct_element():
    doc = Document(id="x", text="Heute.")
    xml, _ = timeml.write_timeml(doc, [])
    assert "<DCT>" not in xml
    assert body(xml) == "Heute."


def test_timeml_round_trip_keeps_header_and_escaping():
    doc = read_timeml(ATT, "x1.tml")
    found = [
        timex(doc.text, 0, "Tuesday", "1998-01-06", "t1"),
        timex(doc.text, 0, "1997", "1997", "t2", mod="END", anchor="t1"),
    ]
    xml, problems = timeml.write_timeml(doc, found, ATT)
    assert problems == []
    head = ATT[: ATT.index("<TEXT>") + len("<TEXT>")]
    assert xml.startswith(head)
    assert body(xml) == (
        '\nAT&amp;T said on <TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3>'
        " that profits rose &lt;5%&gt; in "
        '<TIMEX3 tid="t2" type="DATE" value="1997" mod="END" anchorTimeID="t1">1997</TIMEX3>.\n'
    )
    assert xml.endswith("</TEXT>\n</TimeML>\n")
    # Reading our output gives back the same text, and our tags as the gold ones.
    again = timeml.parse(xml)
    assert (again.doc_id, again.dct) == ("x1", "1998-01-08")
    assert again.text == doc.text
    assert [(g.start, g.end, g.attrs["value"]) for g in again.markup.timexes] == [
        (t.start, t.end, t.value) for t in found
    ]


def test_tag_around_an_entity():
    doc = read_timeml(ATT, "x1.tml")
    xml, _ = timeml.write_timeml(doc, [timex(doc.text, 0, "AT&T", "XXXX", "t1")], ATT)
    assert body(xml).startswith('\n<TIMEX3 tid="t1" type="DATE" value="XXXX">AT&amp;T</TIMEX3>')


def test_untagged_raw_input_is_byte_identical():
    source = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d</DOCID>\n<TEXT>\r\n'
        "Caf&#233; &#x2014; &quot;Gestern&quot; &apos;hier&apos; a > b, AT&T\n"
        '</TEXT>\n<TIMEX3 tid="t9" type="DATE" value="PAST_REF" />\n</TimeML>\n'
    )
    doc = read_timeml(source, "d.tml")
    assert doc.text == "\r\nCafé — \"Gestern\" 'hier' a > b, AT&T\n"
    gestern = timex(doc.text, 0, '"Gestern"', "PAST_REF", "t1")
    xml, _ = timeml.write_timeml(doc, [gestern], source)
    original = source[source.index("<TEXT>") + 6 : source.index("</TEXT>")]
    assert strip_our_tags(body(xml)) == original
    assert "&quot;Gestern&quot;</TIMEX3>" in xml
    assert "t9" not in xml  # what followed </TEXT> referred to the old tags


def test_unknown_entity_and_cdata():
    markup = timeml.parse_markup("a &nbsp; b <![CDATA[x < y & z]]> c")
    assert markup.text == "a &nbsp; b x < y & z c"
    assert markup.warnings == ("unknown entity &nbsp; kept as text",)
    assert markup.raw(0, len(markup.text)) == "a &nbsp; b x &lt; y &amp; z c"


def test_overlapping_and_mismatched_expressions_are_skipped():
    doc = Document(id="x", text="am 3. Mai 2024 und morgen")
    kept = timex(doc.text, 0, "3. Mai 2024", "2024-05-03", "t1")
    inner = timex(doc.text, 0, "Mai 2024", "2024-05", "t2")
    wrong = TimeExpression(19, 25, "gestern", "DATE", "2024-05-02", id="t3")
    xml, problems = timeml.write_timeml(doc, [inner, wrong, kept], None)
    assert (
        body(xml)
        == 'am <TIMEX3 tid="t1" type="DATE" value="2024-05-03">3. Mai 2024</TIMEX3> und morgen'
    )
    assert len(problems) == 2
    assert "overlaps '3. Mai 2024'" in problems[0]
    assert "does not match the text" in problems[1]


def test_dct_override_and_encoding_declaration():
    source = ATT.replace('<?xml version="1.0" ?>', '<?xml version="1.0" encoding="ISO-8859-1"?>')
    doc = read_timeml(source, "x1.tml")
    new = DocumentDate.parse("2001-02-03")
    xml, _ = timeml.write_timeml(Document(doc.id, doc.text, dct=new), [], source)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.find("DCT/TIMEX3").get("value") == "2001-02-03"
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')


def test_dct_inserted_when_original_has_none():
    source = "<TimeML>\n<TEXT>Heute.</TEXT>\n</TimeML>"
    doc = Document("d", "Heute.", dct=DocumentDate.parse("2020-01-01"))
    xml, _ = timeml.write_timeml(doc, [], source)
    assert ET.fromstring(xml).find("DCT/TIMEX3").get("value") == "2020-01-01"
    assert xml.index("<DCT>") < xml.index("<TEXT>")
