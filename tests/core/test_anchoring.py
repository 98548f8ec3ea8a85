"""Finding a bookmarked passage again after its article was edited, and finding text a user typed.

Pure functions over the first sample's real text; no files, no spaCy.
"""

from __future__ import annotations

import random
import time

import pytest

from reader.core.anchoring import CONTEXT, Selector, locate, locate_text, selector_for
from tests.core.analysis_fixtures import SAMPLE_000, sample

BODY = sample(SAMPLE_000).body
VISION = '"He said that the Olympics should be for the next stage - more people, more fans, better sports.'


def selector(body: str, text: str) -> Selector:
    start = body.index(text)
    return selector_for(body, start, start + len(text))


def test_selector_keeps_the_passage_and_its_surroundings():
    start = BODY.index(VISION)
    sel = selector_for(BODY, start, start + len(VISION))
    assert (sel.exact, sel.start, sel.end) == (VISION, start, start + len(VISION))
    assert sel.prefix == BODY[start - CONTEXT : start] and len(sel.prefix) == CONTEXT
    assert sel.suffix == BODY[sel.end : sel.end + CONTEXT] and sel.suffix.startswith('\n\n"We will start')
    assert selector_for(BODY, 0, 7).prefix == ""  # at the very start
    assert selector_for(BODY, len(BODY) - 5, len(BODY)).suffix == ""


def test_unchanged_body_gives_the_same_place():
    sel = selector(BODY, VISION)
    assert locate(BODY, sel) == (sel.start, sel.end, "exact")


def test_paragraph_inserted_above_moves_the_passage():
    sel = selector(BODY, VISION)
    inserted = "An editor's note added later, a whole paragraph of it.\n\n"
    edited = inserted + BODY
    start, end, how = locate(edited, sel)
    assert how == "exact"
    assert start == sel.start + len(inserted)
    assert edited[start:end] == VISION


def test_punctuation_changed_inside_the_passage_is_found_fuzzily():
    sel = selector(BODY, VISION)
    edited = BODY.replace(VISION, VISION.replace(" - ", " – ").replace("fans,", "fans;"))
    start, end, how = locate(edited, sel)
    assert how == "fuzzy"
    assert edited[start:end] == (
        '"He said that the Olympics should be for the next stage – more people, more fans; better sports.'
    )


def test_curly_marks_replacing_straight_ones_at_both_ends_are_found_fuzzily():
    quote = '"President Bach had a vision,"'
    sel = selector(BODY, quote)
    edited = BODY.replace(quote, "“President Bach had a vision,”")
    start, end, how = locate(edited, sel)
    assert how == "fuzzy"
    assert edited[start:end] == "“President Bach had a vision,”"


def test_passage_starting_inside_a_word_keeps_its_edges_when_found_fuzzily():
    text = "ympics should be for the next stage - more people"
    sel = selector(BODY, text)
    edited = BODY.replace("next stage - more", "next stage, more")
    start, end, how = locate(edited, sel)
    assert how == "fuzzy"
    assert edited[start:end] == "ympics should be for the next stage, more people"


def test_deleted_passage_is_not_found():
    sel = selector(BODY, VISION)
    edited = BODY.replace(VISION + "\n\n", "")
    assert VISION not in edited
    assert locate(edited, sel) is None


def test_rewritten_passage_is_not_found():
    sel = selector(BODY, VISION)
    edited = BODY.replace(VISION, '"He felt the Games belonged to the athletes, and to nobody else at all."')
    assert locate(edited, sel) is None


def test_same_text_twice_is_told_apart_by_prefix_and_suffix():
    body = (
        "Bach said: the partnership is a milestone for everyone. Then he left.\n\n"
        "Ma replied: the partnership is a milestone for everyone. And he smiled."
    )
    text = "the partnership is a milestone for everyone."
    first, second = body.index(text), body.rindex(text)
    sel = selector_for(body, second, second + len(text))
    assert locate(body, sel) == (second, second + len(text), "exact")
    # a paragraph inserted above puts the first one where the second was; the surroundings still decide
    inserted = ("An added paragraph. " * 10)[: second - first - 2] + "\n\n"
    edited = inserted + body
    assert edited.index(text) == second
    assert locate(edited, sel) == (second + len(inserted), second + len(inserted) + len(text), "exact")
    assert locate(edited, selector_for(body, first, first + len(text)))[0] == first + len(inserted)


def test_same_text_twice_with_the_same_surroundings_is_told_apart_by_offset():
    pad = "x" * 40
    block = f"{pad} the same sentence appears twice. {pad}\n\n"
    body = block * 2
    text = "the same sentence appears twice."
    second = body.rindex(text)
    sel = selector_for(body, second, second + len(text))
    assert sel.prefix == selector_for(body, body.index(text), body.index(text) + len(text)).prefix
    assert locate(body, sel)[0] == second
    edited = "A short new first line.\n\n" + body
    assert locate(edited, sel)[0] == edited.rindex(text)


def test_fuzzy_search_is_quick_on_a_long_body():
    rng = random.Random(4)
    words = BODY.split()
    long_body = "\n\n".join(" ".join(rng.choice(words) for _ in range(100)) for _ in range(50))  # 5,000 words
    start = len(long_body) // 2
    sel = selector_for(long_body, start, start + 600)
    gone = long_body[:start] + long_body[start + 600 :]
    began = time.perf_counter()
    assert locate(gone, sel) is None
    edited = long_body[: start + 300] + ";" + long_body[start + 301 :]
    found = locate(edited, sel)
    seconds = time.perf_counter() - began
    assert found is not None and found[2] == "fuzzy" and abs(found[0] - start) <= 1
    assert seconds < 0.25, seconds


@pytest.mark.parametrize(
    "typed",
    [
        "He said that the Olympics should be for the next stage",
        "He  said that the\nOlympics should   be for the next stage",
        "  He said that the Olympics should be for the next stage\n",
    ],
)
def test_locate_text_allows_other_spacing(typed):
    start = BODY.index("He said that the Olympics")
    found = locate_text(BODY, typed)
    assert found is not None
    assert BODY[found[0] : found[1]] == "He said that the Olympics should be for the next stage"
    assert found[0] == start


def test_locate_text_spans_a_paragraph_break():
    typed = 'better sports. "We will start from here'
    start, end = locate_text(BODY, typed)
    assert BODY[start:end] == 'better sports.\n\n"We will start from here'


def test_locate_text_picks_the_occurrence_nearest_near():
    hits = [i for i in range(len(BODY)) if BODY.startswith("We want to enable", i)]
    assert len(hits) == 2
    assert locate_text(BODY, "We want to enable") == (hits[0], hits[0] + 17)
    assert locate_text(BODY, "We want to enable", near=hits[1] - 5)[0] == hits[1]
    assert locate_text(BODY, "We want to enable", near=hits[0] + 30)[0] == hits[0]
    assert locate_text(BODY, "We want to enable", near=len(BODY))[0] == hits[1]
    assert locate_text(BODY, "We  want to\nenable", near=hits[1])[0] == hits[1]


@pytest.mark.parametrize("typed", ["", "   ", "He said that the Olympics should be for the last stage"])
def test_locate_text_does_not_guess(typed):
    assert locate_text(BODY, typed) is None
