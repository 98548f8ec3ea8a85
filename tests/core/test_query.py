"""What a search finds, in the style of Anki's test_find: a small corpus, plain assertions on the ids found."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core.index import QueryError, hit_spans
from reader.core.index.analysis import ANALYZER, reference_analyzer
from reader.core.index.query import MAX_QUERY_CHARS
from reader.core.library import Library

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "articles"

SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"
SAMPLES = [SAMPLE_000, SAMPLE_002]

CORPUS = {
    "herald/zebra.txt": (
        "---\ntitle: Zebra FC unveil kit deal\ndate: 2018-06-01\nsource: Herald\n---\n"
        "Zebra football club signed a kit deal with Acme Widgets on Friday.\n\n"
        "The club said the partnership was worth a great deal to its academy.\n"
    ),
    "herald/yak.txt": (
        "date 2019-07-15 Yak rugby league agreed a stadium naming deal with Boreal Bank.\n\n"
        "The league confirmed the arrangement runs for five seasons.\n"
    ),
    "gazette/heavy.md": (
        "# Sponsor news: sponsors, sponsorship and the sponsor market\n\n"
        "Source: the Gazette\n\n"
        "Every sponsor wants reach. The sponsor market grew as sponsors queued. "
        "A sponsor paid more; another sponsor paid less. Sponsorship is the sponsor's game.\n"
    ),
    "gazette/light.txt": (
        "Weather report for the coast\n\n"
        "Rain and snow are expected across the coast this weekend, with strong winds inland and "
        "flood warnings on the rivers. Forecasters note that one sponsor cancelled an outdoor event. "
        "Temperatures will fall sharply overnight and ice is likely on untreated roads by morning.\n"
    ),
    "gazette/sponsored.txt": "The charity race was sponsored by Acme Widgets.\n",
    "gazette/plural.txt": "Two sponsors walked away from the regatta.\n",
    "wire/in-title.txt": "Quokka cafe opens downtown\n\nA small place near the harbour. Coffee is served daily.\n",
    "wire/in-body.txt": "Cafe opens downtown\n\nA small quokka place near the harbour. Coffee is served daily.\n",
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    """The samples plus CORPUS, indexed once: these tests only read."""
    base = tmp_path_factory.mktemp("query")
    root = base / "articles"
    shutil.copytree(SAMPLES_DIR, root)
    for rel, text in CORPUS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    library = Library(root, base / "data")
    report = library.sync()
    assert report.indexed == len(CORPUS) + 2, report.skipped
    yield library
    library.close()


def find(lib, text, limit=None):
    """The ids a search finds, sorted."""
    return sorted(h.article_id for h in lib.search(text, limit=limit).hits)


def ranked(lib, text):
    return [h.article_id for h in lib.search(text, limit=None).hits]


# ---------------------------------------------------------------- boolean logic


def test_words_are_anded_by_default(lib):
    assert find(lib, "zebra") == ["herald/zebra.txt"]
    assert find(lib, "deal") == sorted(["herald/zebra.txt", "herald/yak.txt", SAMPLE_002])
    assert find(lib, "deal stadium") == ["herald/yak.txt"]
    assert find(lib, "zebra yak") == []
    assert find(lib, "zebra AND kit") == ["herald/zebra.txt"]


def test_or(lib):
    assert find(lib, "zebra OR yak") == ["herald/yak.txt", "herald/zebra.txt"]
    assert find(lib, "zebra OR nonexistentword") == ["herald/zebra.txt"]


def test_not(lib):
    assert find(lib, "deal NOT zebra") == sorted(["herald/yak.txt", SAMPLE_002])
    assert find(lib, "deal AND NOT (zebra OR yak)") == [SAMPLE_002]
    assert find(lib, "Olympic NOT Lausanne") == [SAMPLE_000]


def test_grouping(lib):
    assert find(lib, "(zebra OR yak) deal") == ["herald/yak.txt", "herald/zebra.txt"]
    assert find(lib, "(zebra OR yak) stadium") == ["herald/yak.txt"]


def test_phrases(lib):
    assert find(lib, '"kit deal"') == ["herald/zebra.txt"]
    assert find(lib, '"deal kit"') == []
    assert find(lib, '"Olympic Games"') == SAMPLES
    assert find(lib, '"Olympic Channel"') == SAMPLES
    assert find(lib, '"Gangneung Olympic Park"') == [SAMPLE_000]
    # the words appear in both samples, but together only in one
    assert find(lib, '"Swiss Olympic capital"') == [SAMPLE_002]


def test_case_does_not_matter(lib):
    assert find(lib, "ZEBRA") == find(lib, "zebra") == ["herald/zebra.txt"]
    assert find(lib, "lausanne") == [SAMPLE_002]


# ---------------------------------------------------------------- fields


def test_title_field(lib):
    # a title is the headline, or else the first sentence: "Two sponsors walked away…" is a title too
    assert find(lib, "title:sponsor") == ["gazette/heavy.md", "gazette/plural.txt", "gazette/sponsored.txt"]
    assert "gazette/light.txt" in find(lib, "sponsor")  # in its body only
    assert find(lib, "title:weather") == ["gazette/light.txt"]
    assert find(lib, "title:alibaba") == SAMPLES
    assert find(lib, "title:lausanne") == []  # in the body only


def test_body_and_captions_are_searched(lib):
    assert find(lib, "captions:january") == [SAMPLE_002]
    assert find(lib, "Gangneung") == [SAMPLE_000]  # body and caption
    assert "body:academy" in lib.search("body:academy").query
    assert find(lib, "body:academy") == ["herald/zebra.txt"]


def test_source_field(lib):
    # the outlet an article names (zebra's front matter); a folder ("herald", "articles") is not one
    assert find(lib, "source:herald") == ["herald/zebra.txt"]
    assert find(lib, "source:gazette") == find(lib, "source:articles") == []
    assert find(lib, "deal source:herald") == ["herald/zebra.txt"]
    # a folder is found by the files' ids
    assert find(lib, "deal id:herald/*") == ["herald/yak.txt", "herald/zebra.txt"]


def test_date_range(lib):
    assert find(lib, "date:[2019-01-01 TO 2019-12-31]") == sorted(["herald/yak.txt", SAMPLE_002])
    assert find(lib, "date:[2018-01-01 TO 2018-12-31]") == ["herald/zebra.txt"]
    assert find(lib, "date:[2020-01-01 TO 2030-01-01]") == []
    assert find(lib, "deal date:[2019-01-01 TO 2019-12-31]") == sorted(["herald/yak.txt", SAMPLE_002])


def test_date_year_and_day(lib):
    assert find(lib, "date:2019") == sorted(["herald/yak.txt", SAMPLE_002])
    assert find(lib, "date:2018") == ["herald/zebra.txt"]
    assert find(lib, "date:2019-01-23") == [SAMPLE_002]
    assert find(lib, "date:2017") == []


def test_undated_articles_are_not_in_date_searches(lib):
    found = find(lib, "date:[1900-01-01 TO 2100-01-01]")
    assert found == sorted(["herald/yak.txt", "herald/zebra.txt", SAMPLE_002])
    assert SAMPLE_000 not in found


def test_hits_carry_dates(lib):
    hits = {h.article_id: h for h in lib.search("deal").hits}
    assert hits["herald/yak.txt"].date == "2019-07-15"
    assert hits[SAMPLE_002].date == "2019-01-23"
    assert hits["herald/zebra.txt"].title == "Zebra FC unveil kit deal"


# ---------------------------------------------------------------- morphology


def test_trailing_wildcard_matches_the_words_as_written(lib):
    # porter2 stems "Olympics" to "olymp", which "olympi*" would miss if only stems were indexed
    assert find(lib, "olympi*") == SAMPLES
    assert find(lib, "olympics") == SAMPLES
    assert find(lib, "zeb*") == ["herald/zebra.txt"]
    assert find(lib, "Sponsorsh*") == sorted(["gazette/heavy.md", SAMPLE_002])
    assert find(lib, "qqq*") == []


def test_stemming_finds_forms_of_a_word(lib):
    every_form = sorted(
        ["gazette/heavy.md", "gazette/light.txt", "gazette/sponsored.txt", "gazette/plural.txt", SAMPLE_000, SAMPLE_002]
    )
    assert find(lib, "sponsor") == every_form
    assert find(lib, "sponsors") == every_form
    assert find(lib, "sponsorship") == every_form
    assert find(lib, "sponsored") == every_form
    assert "gazette/sponsored.txt" in find(lib, "sponsoring")


# ---------------------------------------------------------------- ranking and counts


def test_title_and_frequency_rank_first(lib):
    order = ranked(lib, "sponsor")
    assert order[0] == "gazette/heavy.md"
    assert order.index("gazette/heavy.md") < order.index("gazette/light.txt")
    scores = [h.score for h in lib.search("sponsor", limit=None).hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1] > 0


def test_a_word_in_the_title_outranks_the_same_word_once_in_the_body(lib):
    assert ranked(lib, "quokka") == ["wire/in-title.txt", "wire/in-body.txt"]


def test_total_counts_every_match_not_just_the_page(lib):
    result = lib.search("sponsor", limit=2)
    assert result.total == 6
    assert len(result.hits) == 2
    assert [h.article_id for h in result.hits] == ranked(lib, "sponsor")[:2]
    assert lib.search("sponsor", limit=None).total == 6


def test_no_results(lib):
    result = lib.search("xylophone")
    assert result.total == 0
    assert result.hits == []
    assert result.notice is None


# ---------------------------------------------------------------- snippets and lit words


@pytest.mark.parametrize(
    "text,stems",
    [
        ("sponsor", ("sponsor",)),
        ("deal", ("deal",)),
        ('"Olympic Games"', ("olympic", "game")),
        ("olympi*", ("olympi",)),
        ("Gangneung", ("gangneung",)),
    ],
)
def test_every_hit_has_a_snippet_whose_spans_are_matching_words(lib, text, stems):
    result = lib.search(text, limit=None)
    assert result.total > 0
    for h in result.hits:
        assert h.snippet.strip(), h.article_id
        assert h.snippet_spans, h.article_id
        assert "\x02" not in h.snippet and "\x03" not in h.snippet
        for span in h.snippet_spans:
            start, end = span.start, span.end
            assert 0 <= start < end <= len(h.snippet)
            word = h.snippet[start:end]
            assert word.lower().startswith(stems), (h.article_id, word)
            # a whole word, not part of one
            assert start == 0 or not h.snippet[start - 1].isalnum()
            assert end == len(h.snippet) or not h.snippet[end].isalnum()


def test_field_only_query_still_has_a_snippet(lib):
    result = lib.search("date:2019", limit=None)
    assert result.total == 2
    assert all(h.snippet.strip() for h in result.hits)


def surface(text, words, phrases=()):
    return [text[s.start : s.end] for s in hit_spans(text, words, phrases=phrases)]


def test_lit_words_cover_every_form_in_the_reading_pane(lib):
    result = lib.search("sponsor")
    text = "Sponsors love sponsorship; a sponsor sponsored it, unlike spoons."
    assert surface(text, result.words) == ["Sponsors", "sponsorship", "sponsor", "sponsored"]
    body = lib.load(SAMPLE_002).body
    lit = surface(body, result.words)
    assert lit == ["sponsorship"]
    assert surface(lib.load(SAMPLE_000).body, result.words) == ["sponsor"]


def test_lit_words_for_a_wildcard_and_a_phrase(lib):
    assert surface("Olympics, Olympic, Olympia and olympiad; not Olymp.", lib.search("olympi*").words) == [
        "Olympics",
        "Olympic",
    ]
    result = lib.search('"Olympic Games"')
    assert result.words == frozenset()  # a phrase's words are lit as the phrase only (issue 21)
    text = "the Olympic Games and other games at an Olympic park"
    assert surface(text, result.words, result.phrases) == ["Olympic Games"]


def test_not_terms_are_not_lit(lib):
    result = lib.search("deal NOT zebra")
    assert surface("zebra deal", result.words) == ["deal"]
    result = lib.search("Olympic AND NOT (Lausanne OR Swiss)")
    assert surface("Olympic Lausanne Swiss", result.words) == ["Olympic"]
    assert "lausann" not in result.words and "lausanne" not in result.words


IRREGULAR = (
    "Dying, lying and tying; skies, skis, early, only, ugly, gently; the company's companies, "
    "rock'n'roll, 'Alibaba' and Alibaba’s ‘cloud’; sponsorships; naïve CAFÉ; İstanbul; x_y 2018s"
)


@pytest.mark.parametrize("text", [IRREGULAR, "sample-000", "sample-002"])
def test_lit_words_are_exactly_what_the_index_analyzer_finds(text):
    """The regular-expression shortcut agrees with analysing the whole text, for every word in it."""
    text = {"sample-000": SAMPLE_000, "sample-002": SAMPLE_002}.get(text, text)
    if text.endswith(".txt"):
        text = (Path(__file__).parents[2] / "articles" / text).read_text(encoding="utf-8")
    tokens = [
        (t.text, t.startchar, t.endchar, t.stopped)  # copied: the analyzer reuses one Token
        for t in ANALYZER(text, chars=True, mode="index", removestops=False)
    ]
    every_word = frozenset(word for word, _, _, stopped in tokens if not stopped)
    assert len(every_word) > 20
    for words in [every_word] + [frozenset({w}) for w in sorted(every_word)]:
        expected = sorted({(start, end) for word, start, end, _ in tokens if word in words})
        assert [(s.start, s.end) for s in hit_spans(text, words)] == expected, sorted(words)[:3]


@pytest.mark.parametrize(
    "options",
    [
        dict(mode="index", positions=True),
        dict(mode="index", positions=True, chars=True, removestops=False),
        dict(mode="query", positions=True, chars=True),
        dict(mode="query", removestops=False, keeporiginal=True),
        dict(mode="index", positions=True, chars=True, start_pos=7, start_char=100),
        dict(mode="query", tokenize=False),
    ],
)
@pytest.mark.parametrize(
    "text", [IRREGULAR, "sample-000", "sample-002", "a I the  of", "", "Sponsorship", "The the of Olympic"]
)
def test_the_one_pass_analyzer_gives_the_filter_chains_tokens(text, options):
    text = {"sample-000": SAMPLE_000, "sample-002": SAMPLE_002}.get(text, text)
    if text.endswith(".txt"):
        text = (Path(__file__).parents[2] / "articles" / text).read_text(encoding="utf-8")
    attrs = ("text", "pos", "startchar", "endchar", "stopped", "boost", "original")

    def stream(analyzer):
        return [tuple(getattr(t, a, None) for a in attrs) for t in analyzer(text, **options)]

    expected = stream(reference_analyzer())
    assert stream(ANALYZER) == expected
    assert len(expected) > (100 if len(text) > 1000 and options.get("tokenize", True) else 0) or text in (
        "",
        "a I the  of",
    )


def test_field_terms_outside_the_text_are_not_lit(lib):
    result = lib.search("deal source:herald")
    assert surface("herald deal", result.words) == ["deal"]


# ---------------------------------------------------------------- bad queries


@pytest.mark.parametrize(
    "text,fragment",
    [
        ('"olympic games', "unclosed quote"),
        ("(zebra OR yak", "unbalanced parenthesis"),
        ("zebra OR yak)", "unbalanced parenthesis"),
        ("date:[2019-01-01 TO 2019-12-31", "unbalanced range bracket"),
        ("date:2019-01-01 TO 2019-12-31]", "unbalanced range bracket"),
        ("foo:bar", "unknown field 'foo:'"),
        ("sponsor Title:x", "unknown field 'Title:'"),
        ("date:[bad TO worse]", "'bad' is not a date"),
        ("date:[2019-01-01 TO worse]", "wors"),  # Whoosh's own words, but one line naming the culprit
        ("date:yesterday", "'yesterday' is not a date"),
        ("date:2019-02-30", "'2019-02-30' is not a date"),
        ("date:2019-13-01", "'2019-13-01' is not a date"),
        # combined with other words a bad date must not quietly match nothing, or everything
        ("sponsor date:2019-02-30", "'2019-02-30' is not a date"),
        ("sponsor OR date:2019-02-30", "'2019-02-30' is not a date"),
        ("sponsor NOT date:yesterday", "'yesterday' is not a date"),
        ("a OR", "nothing to search for"),
        ("NOT", "nothing to search for"),
        ("AND OR", "nothing to search for"),
        ("", "type some words"),
        ("   ", "type some words"),
    ],
)
def test_malformed_queries_raise_a_one_line_query_error(lib, text, fragment):
    with pytest.raises(QueryError) as info:
        lib.search(text)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message
    assert 0 < len(message) <= 200
    assert "Traceback" not in message


def test_quotes_and_brackets_inside_a_phrase_are_fine(lib):
    assert find(lib, '"kit deal" (zebra)') == ["herald/zebra.txt"]
    assert find(lib, '"weather (report"') == ["gazette/light.txt"]  # punctuation inside is not a word


def test_absurdly_long_query_is_capped_with_a_notice(lib):
    text = " ".join(["sponsor"] + ["zzword"] * 2000)
    assert len(text) > 10_000
    result = lib.search(text)
    assert result.notice and "shortened" in result.notice
    assert len(result.query) <= MAX_QUERY_CHARS
    assert result.total == 0  # zzword is in no article


def test_absurdly_long_single_word_is_capped(lib):
    result = lib.search("x" * 10_000)
    assert result.notice
    assert len(result.query) <= MAX_QUERY_CHARS
    assert result.total == 0


def test_short_query_has_no_notice(lib):
    assert lib.search("sponsor").notice is None
