"""Sentence splitting keeps offsets, knows abbreviations, and marks headings and boilerplate."""
from sitrep.extract.model import Doc, ReportMeta
from sitrep.extract.sentences import split_sentences


def split(text, body=None):
    doc = Doc(text=text, meta=ReportMeta(id="t", origin="t"), body=body if body is not None else [(0, len(text))])
    return split_sentences(doc).sentences


def test_offsets_and_abbreviations():
    text = ("The U.S. forces left Gen. Karimi's post at 5 p.m. on Friday. Brig. Gen. H. Nassar arrived later.[2] "
            "\"They moved west,\" a source said. Fighters crossed No. 4 gate!")
    sents = split(text)
    assert [s.text for s in sents] == [
        "The U.S. forces left Gen. Karimi's post at 5 p.m. on Friday.",
        "Brig. Gen. H. Nassar arrived later.[2]",
        "\"They moved west,\" a source said.",
        "Fighters crossed No. 4 gate!",
    ]
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_paragraphs_headings_and_boilerplate():
    text = ("Militia Convoy Reaches Eastern Syria From Iraq\n\n"
            "On May 2, the convoy arrived. It carried fuel.\n\n"
            "Read More\n")
    body_end = text.index("Read More")
    sents = split(text, body=[(0, body_end)])
    assert sents[0].heading and not sents[0].boilerplate
    assert [s.paragraph for s in sents[1:3]] == [sents[1].paragraph] * 2 and not sents[1].heading
    assert sents[-1].text == "Read More" and sents[-1].boilerplate


def test_short_section_heading_in_sentence_case():
    text = "Drones and shelling\n\nA drone struck a house in Tal Hamra on Tuesday, killing a fighter.\n"
    sents = split(text)
    assert [s.heading for s in sents] == [True, False]


def test_dated_log_entry_head_is_a_heading():
    text = ("13/11 - Tal Hamra and the main road north of Al-Qasr - Security measures - Basis: A\n"
            "The Hawks Brigade set up four checkpoints on the road.\n")
    sents = split(text)
    assert sents[0].heading and not sents[-1].heading
