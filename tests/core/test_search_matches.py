"""What a search lights and lists (issue 21): a phrase lights the phrase, proximity and wildcards what matched,
the same spans in the snippets, the reading pane and `search --json`; queries with no word to rank list
newest first; a name search's snippet is the sentence naming the name, or the speaker's quote.

Real Whoosh indexes in temp dirs; names come from the analysis by the built-in lists (no spaCy model).
"""

from __future__ import annotations

import pytest

from reader.core.library import Library
from reader.core.model import BODY, TITLE, caption_part
from reader.core.view import HIT
from tests.conftest import SAMPLE_002
from tests.core.cli_helpers import run_json

CORPUS = {
    # id order is not date order: index order would list them a, b, c, d
    "a-athletics.txt": (
        "---\ntitle: Bolt sets a world record in Berlin\ndate: 2009-08-16\nsource: Reuters\n---\n"
        "The world watched as Usain Bolt ran 9.58 seconds. Nobody had thought the record could fall so soon.\n\n"
        "It was a world record by a wide margin, and the old record was broken by more than a tenth.\n\n"
        "A world record for the ages ©Getty\n\n"
        "The President of the federation called it the greatest run of all time.\n"
    ),
    "b-swimming.txt": (
        "---\ntitle: Swimming suits banned\ndate: 2009-07-24\nsource: Reuters\n---\n"
        "The world governing body banned the suits after a record number of new marks at the championships.\n"
    ),
    "c-tennis.txt": (
        "---\ntitle: Queen's Club welcomes a new title sponsor\ndate: 2009-06-10\nsource: Herald\n---\n"
        "The Queen's Club Championships opened on Monday in west London with a new title sponsor. "
        "Organisers said ticket sales were up on last year.\n\n"
        "Tim Henman, the British number one, welcomed the arrival. "
        '"It is a great boost for the tournament and for British tennis," Henman said.\n\n'
        "The tournament has had several backers over the years. "
        "Heineken will serve as the official beer of the event, the organisers confirmed.\n"
    ),
    "d-undated.txt": (
        "---\ntitle: A record crowd at the regatta\nsource: Reuters\n---\nThe regatta drew a record crowd of sailors.\n"
    ),
}
ATHLETICS, SWIMMING, TENNIS, UNDATED = sorted(CORPUS)


@pytest.fixture(scope="module")
def lib(tmp_path_factory, gazetteer_analyzer):
    """CORPUS indexed and analyzed once: these tests only read."""
    base = tmp_path_factory.mktemp("matches")
    root = base / "articles"
    root.mkdir()
    for name, text in CORPUS.items():
        (root / name).write_text(text, "utf-8")
    library = Library(root, base / "data", analyzer=gazetteer_analyzer)
    assert library.sync().indexed == len(CORPUS)
    library.analyze_all()
    yield library
    library.close()


def snippet_hits(hit) -> list[str]:
    return [hit.snippet[s.start : s.end] for s in hit.snippet_spans]


def pane_hits(lib, article_id, result) -> dict[str, list[str]]:
    """The text of each hit the reading pane marks, by part."""
    view = lib.article_view(article_id, result.words, result.names, phrases=result.phrases)
    parts = {part.name: part.text for part in view.article.parts()}
    marks = [m for part in (view.title, view.body, *view.captions) for m in part if m.layer == HIT]
    found: dict[str, list[str]] = {}
    for m in sorted(marks, key=lambda m: (m.part, m.start)):
        found.setdefault(m.part, []).append(parts[m.part][m.start : m.end])
    return found


# ---------------------------------------------------------------- a phrase lights the phrase


def test_a_phrase_lights_only_where_it_matched_in_the_pane(lib):
    result = lib.search('"world record"')
    assert [h.article_id for h in result.hits] == [ATHLETICS]
    assert pane_hits(lib, ATHLETICS, result) == {
        TITLE: ["world record"],
        BODY: ["world record"],  # not "The world watched", nor "the record could fall", nor "the old record"
        caption_part(0): ["world record"],
    }


def test_a_phrase_lights_only_where_it_matched_in_the_snippet(lib):
    [hit] = lib.search('"world record"').hits
    assert snippet_hits(hit) == ["world record"]
    assert "world record by a wide margin" in hit.snippet


def test_a_phrase_with_stop_words_lights_as_one_run(lib):
    result = lib.search('"president of the federation"')
    assert pane_hits(lib, ATHLETICS, result) == {BODY: ["President of the federation"]}
    assert snippet_hits(result.hits[0]) == ["President of the federation"]


def test_proximity_lights_the_words_that_matched_not_those_between(lib):
    result = lib.search('"record broken"~3')
    assert [h.article_id for h in result.hits] == [ATHLETICS]
    # "the old record was broken": record and broken; not the record of "world record", three words back
    assert pane_hits(lib, ATHLETICS, result) == {BODY: ["record", "broken"]}
    assert snippet_hits(result.hits[0]) == ["record", "broken"]


def test_a_word_beside_a_phrase_lights_everywhere(lib):
    result = lib.search('world "old record"')
    assert pane_hits(lib, ATHLETICS, result)[BODY] == ["world", "world", "old record"]


def test_a_wildcard_lights_the_words_it_matched(lib):
    result = lib.search("championshi*")
    assert sorted(h.article_id for h in result.hits) == [SWIMMING, TENNIS]
    assert pane_hits(lib, TENNIS, result) == {BODY: ["Championships"]}
    assert all(snippet_hits(h) == ["championships"] or snippet_hits(h) == ["Championships"] for h in result.hits)


def test_search_json_gives_each_hit_the_spans_the_pane_lights(lib, capsys):
    out = run_json(
        capsys, "search", '"world record"', "--articles", lib.root, "--data-dir", lib.data_dir.parent / "cli-data"
    )
    [hit] = out["hits"]
    article = lib.load(ATHLETICS)
    body_at = article.body.index("world record")
    title_at = article.title.index("world record")
    assert hit["matches"] == [
        {"part": "title", "start": title_at, "end": title_at + 12, "text": "world record"},
        {"part": "body", "start": body_at, "end": body_at + 12, "text": "world record"},
        {"part": "caption", "caption": 0, "start": 2, "end": 14, "text": "world record"},
    ]
    view = lib.article_view(ATHLETICS, frozenset(), phrases=lib.search('"world record"').phrases)
    assert [(m["start"], m["end"]) for m in hit["matches"]] == [(s.start, s.end) for s in view.hits()]


# ---------------------------------------------------------------- no word to rank: newest first


@pytest.mark.parametrize(
    "query,expected",
    [
        ("date:[2009-01-01 TO 2009-12-31]", [ATHLETICS, SWIMMING, TENNIS]),
        ("source:reuters", [ATHLETICS, SWIMMING, UNDATED]),  # undated last
        ("*", [ATHLETICS, SWIMMING, TENNIS, UNDATED]),
        ("recor*", [ATHLETICS, SWIMMING, UNDATED]),  # a wildcard scores every hit alike
        ("entity:Heineken OR speaker:Henman OR source:reuters", [ATHLETICS, SWIMMING, TENNIS, UNDATED]),
        ("source:reuters NOT regatta", [ATHLETICS, SWIMMING]),
    ],
)
def test_a_query_with_no_word_to_rank_lists_newest_first(lib, query, expected):
    result = lib.search(query, limit=None)
    assert [h.article_id for h in result.hits] == expected
    assert {h.score for h in result.hits} == {0.0}  # no rank to show


def test_a_query_with_words_to_rank_keeps_the_best_first(lib):
    hits = lib.search("record source:reuters", limit=None).hits
    scores = [h.score for h in hits]
    assert len(hits) == 3 and scores == sorted(scores, reverse=True) and scores[0] > scores[-1] > 0


# ---------------------------------------------------------------- a name search's snippet says why


def test_a_speaker_search_shows_the_speakers_quote(lib):
    [hit] = lib.search('speaker:"Tim Henman"').hits
    assert hit.article_id == TENNIS
    assert hit.snippet == '"It is a great boost for the tournament and for British tennis," Henman said.'


def test_an_entity_search_shows_the_sentence_naming_it_with_the_name_lit(lib):
    [hit] = lib.search("entity:Heineken").hits
    assert hit.snippet == "Heineken will serve as the official beer of the event, the organisers confirmed."
    assert snippet_hits(hit) == ["Heineken"]


def test_a_name_search_with_words_prefers_a_sentence_with_both(lib):
    [hit] = lib.search("entity:Heineken beer").hits
    assert snippet_hits(hit) == ["Heineken", "beer"]
    [hit] = lib.search("entity:Heineken tennis").hits  # not in Heineken's sentence: the words' snippet
    assert "tennis" in snippet_hits(hit) and "Heineken" not in hit.snippet


def test_a_long_sentence_is_cut_around_the_name(lib, tmp_path, gazetteer_analyzer):
    root = tmp_path / "articles"
    root.mkdir()
    filler = " ".join(["and the crowd kept cheering for the home side"] * 12)
    (root / "long.txt").write_text(f"Opening line of the story.\n\nThe fans sang {filler} while Heineken poured.\n")
    library = Library(root, tmp_path / "data", analyzer=gazetteer_analyzer)
    try:
        library.sync()
        library.analyze_all()
        [hit] = library.search("entity:Heineken").hits
    finally:
        library.close()
    assert hit.snippet.startswith("…") and hit.snippet.endswith("Heineken poured.")
    assert len(hit.snippet) <= 242
    assert snippet_hits(hit) == ["Heineken"]


def test_a_name_searched_as_written_is_lit_where_the_article_writes_it(sample_library):
    result = sample_library.search("entity:IOC")  # the International Olympic Committee, written "IOC"
    view = sample_library.article_view(SAMPLE_002, result.words, result.names, phrases=result.phrases)
    lit = {view.article.body[s.start : s.end] for s in view.hits() if s.part == BODY}
    assert lit == {"IOC", "International Olympic Committee"}
