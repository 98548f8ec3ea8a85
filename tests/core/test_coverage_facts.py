"""Coverage facts: which forms an article keeps and how a watched name matches them, facts made once beside the
analysis (and backfilled for an older cache), figures without reading any article, and the watchlist's CSV."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace

import pytest

from reader.core import articles as articles_module
from reader.core.analysis import Analysis
from reader.core.coverage import store
from reader.core.coverage.facts import FACTS_VERSION, facts_of, key
from reader.core.coverage.figures import compute
from reader.core.coverage.matching import matches, names_it
from reader.core.coverage.store import StoredFacts, facts_fingerprint
from reader.core.coverage.values import Scope
from reader.core.coverage.watchlist import PROPERTY, SPONSOR, Watched, Watchlist, WatchlistError, load, save
from reader.core.formats.text import parse
from reader.core.model import ArticleRow
from tests.core.coverage_library import WATCHLIST, analysed_library, quick_library, write_articles


def heineken_count(coverage) -> int:
    return len(next(n for n in coverage.names if n.name == "Heineken").articles)


def one_article(text: str) -> StoredFacts:
    facts = facts_of(parse(text), Analysis())
    return StoredFacts({"h"}, {k: {"h": facts.forms[k]} for k in facts.forms}, {})


def mentions(text: str, watched: Watched) -> int:
    """How often the one article `text` names `watched` (0: it does not)."""
    found = matches(one_article(text), watched)
    return found["h"].mentions if found else 0


def test_a_key_ignores_case_spacing_punctuation_and_a_possessive():
    assert key("Heineken’s") == key("HEINEKEN") == key("heineken's") == "heineken"
    assert key("  Northbank \n Arena ") == "northbank arena"
    assert key("Coca-Cola") == "coca-cola" != key("Coca Cola")


ANA = Watched("All Nippon Airways", SPONSOR, ("ANA",))
GE = Watched("General Electric", SPONSOR, ("GE",))


def test_which_forms_are_in_capitals():
    assert key("ANA") == key("ANA’s") == "ANA" and key("P&G") == "P&G" and key("AT&T") == "AT&T"
    assert key("EA7") == "EA7" and key("ANA 787") == "ANA 787"  # words without letters do not count
    assert key("Ana") == key("ana") == "ana"
    assert key("ADIDAS") == "adidas" and key("F1") == "f1"  # more than five letters, or one, is no acronym
    assert key("AB InBev") == "ab inbev" and key("BBC Sport") == "bbc sport"  # every word with letters, or none


def test_a_form_in_capitals_matches_only_where_the_article_writes_it_in_capitals():
    assert mentions("Title: Ana Lopez wins\n\nAna Lopez said the ana tour was long.\n", ANA) == 0
    assert mentions("Title: Fleet news\n\nANA’s new livery is blue. Ana Lopez liked the ANA jet.\n", ANA) == 2
    assert mentions("Title: Results\n\nThe ge team won. Ge said so.\n", GE) == 0
    assert mentions("Title: Results\n\nGE Healthcare paid. The ge team won.\n", GE) == 1  # a part of a run


def test_a_form_not_in_capitals_matches_any_case():
    text = "Title: Adidas deal\n\nADIDAS signed today. The adidas shoe sold out.\n"
    assert mentions(text, Watched("adidas")) == mentions(text, Watched("Adidas")) == 3
    assert mentions("Title: Ana Lopez wins\n\nANA flew her home.\n", Watched("Ana Lopez", "person", ("Ana",))) == 2


def test_a_quote_names_a_form_in_capitals_only_in_capitals():
    stored = StoredFacts(set(), {}, {})
    assert not names_it(stored, ANA, "Ana was wonderful today")
    assert names_it(stored, ANA, "ANA’s crew was wonderful") and names_it(stored, GE, "GE Healthcare helped")
    assert names_it(stored, Watched("Adidas"), "ADIDAS boots")


def test_acronym_mentions_in_the_library_count_only_capitals(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "lopez.txt").write_text("Title: Ana Lopez wins\n\nAna Lopez said Ana would return.\n", "utf-8")
    (folder / "fleet.txt").write_text("Title: ANA orders jets\n\nANA’s new livery. Ana Lopez flew.\n", "utf-8")
    library = quick_library(folder, tmp_path / "data")
    library.sync()
    library.analyze_all()
    ana, alone = library.coverage(Watchlist([ANA, Watched("ANA")])).names
    assert [a.title for a in ana.articles] == [a.title for a in alone.articles] == ["ANA orders jets"]
    assert alone.mentions == 2  # not "Ana"
    library.close()


def test_facts_of_an_older_version_are_made_again(tmp_path):
    library = analysed_library(tmp_path)
    fingerprint = library.cache.facts_fingerprint
    library.close()
    older = fingerprint.replace(f"/facts{FACTS_VERSION}", f"/facts{FACTS_VERSION - 1}")
    assert older != fingerprint == facts_fingerprint(library.analyzer.fingerprint)
    with sqlite3.connect(tmp_path / "data" / "analysis.sqlite") as db:  # as kept by the version before
        db.execute("UPDATE facts_article SET fingerprint = ?", (older,))
    old = quick_library(tmp_path / "articles", tmp_path / "data")
    assert heineken_count(old.coverage(WATCHLIST)) == 0  # not read: they may be keyed otherwise
    assert old.analyze_all().backfilled == 8  # made again from the cached analyses
    assert heineken_count(old.coverage(WATCHLIST)) == 5
    old.close()


def test_capitalised_runs_are_kept_so_a_name_the_tagger_missed_still_matches():
    article = parse("Title: Match report\n\nFans of Zorvex Quantum Holdings cheered. Bank of America paid.\n")
    facts = facts_of(article, Analysis())  # no entities at all
    for form in ("zorvex quantum holdings", "zorvex", "quantum holdings", "bank of america", "america"):
        assert form in facts.forms, form
    assert "of" not in facts.forms and "holdings cheered" not in facts.forms  # a run stops at lower case
    assert "cheered bank" not in facts.forms and "holdings bank" not in facts.forms  # and at punctuation


def test_a_name_inside_a_longer_form_is_not_counted_twice():
    article = parse("Title: League news\n\nThe Barclays Premier League starts today.\n\nThe Premier League said so.\n")
    facts = facts_of(article, Analysis())
    stored = StoredFacts({"h"}, {k: {"h": facts.forms[k]} for k in facts.forms}, {})
    league = Watched("Barclays Premier League", PROPERTY, ("Premier League",), "Barclays")
    (match,) = matches(stored, league).values()
    assert match.mentions == 2 and not match.unsponsored_only


def test_facts_are_stored_with_the_analysis_and_no_article_is_read_for_coverage(tmp_path, monkeypatch):
    library = analysed_library(tmp_path)
    expected = library.coverage(WATCHLIST).to_json()
    library.close()
    shutil.move(tmp_path / "articles", tmp_path / "elsewhere")  # the files are gone ...
    (tmp_path / "articles").mkdir()

    def no_reading(*args, **kwargs):
        raise AssertionError("an article file was read")

    monkeypatch.setattr(articles_module, "load", no_reading)
    monkeypatch.setattr(articles_module, "load_file", no_reading)
    again = quick_library(tmp_path / "articles", tmp_path / "data")  # ... and the index is not synced
    assert again.coverage(WATCHLIST).to_json() == expected
    again.close()


def test_an_older_cache_without_facts_is_backfilled_by_the_analysis_pass(tmp_path):
    library = analysed_library(tmp_path)
    library.close()
    with sqlite3.connect(tmp_path / "data" / "analysis.sqlite") as db:  # as a cache from before facts were kept
        db.execute("DROP TABLE facts_article")
        db.execute("DROP TABLE facts_name")
        db.execute("DROP TABLE facts_form")
    old = quick_library(tmp_path / "articles", tmp_path / "data")
    before = old.coverage(WATCHLIST)
    assert before.unanalysed == 7 and heineken_count(before) == 0
    report = old.analyze_all()
    assert report.analyzed == 0 and report.backfilled == 8  # nothing analysed again; every file given facts
    after = old.coverage(WATCHLIST)
    assert after.unanalysed == 0 and heineken_count(after) == 5
    assert old.analyze_all().backfilled == 0  # once
    old.close()


def test_a_cached_analysis_met_by_the_pass_gets_its_facts(tmp_path):
    fresh = quick_library(write_articles(tmp_path / "articles"), tmp_path / "data")
    fresh.sync()  # nothing analysed yet, as far as the index knows
    for row in fresh.rows():  # analysed meanwhile by another process, whose cache kept no facts
        article = fresh.load(row.id)
        fresh.cache.put_many([(article, fresh.analyzer.analyze(article))])
    with sqlite3.connect(tmp_path / "data" / "analysis.sqlite") as db:
        db.execute("DELETE FROM facts_article")
        db.execute("DELETE FROM facts_name")
    report = fresh.analyze_all()
    assert report.cached == 8 and report.analyzed == 0 and report.backfilled == 8
    assert heineken_count(fresh.coverage(WATCHLIST)) == 5
    fresh.close()


def test_articles_not_analysed_yet_are_counted_apart(tmp_path):
    library = analysed_library(tmp_path)
    (tmp_path / "articles" / "new.txt").write_text("Title: Heineken again\nDate: 2026-03-01\n\nMore.\n", "utf-8")
    library.sync()
    coverage = library.coverage(WATCHLIST)
    assert coverage.articles == 8 and coverage.unanalysed == 1 and heineken_count(coverage) == 5
    library.analyze_all()
    coverage = library.coverage(WATCHLIST)  # the new facts are read: the figures follow
    assert coverage.unanalysed == 0 and heineken_count(coverage) == 6
    library.close()


def test_undated_articles_count_but_not_in_periods():
    row = ArticleRow("a.txt", "Heineken", None, "Post", 1, 1, 1, "h1", fingerprint="f1")
    facts = StoredFacts({"h1"}, {"heineken": {"h1": (1, 0)}}, {})
    coverage = compute([row], facts, Watchlist([Watched("Heineken")]))
    (heineken,) = coverage.names
    assert len(heineken.articles) == 1 and heineken.periods == ()
    assert compute([row], facts, Watchlist([Watched("Heineken")]), Scope(date_from="2026-01-01")).articles == 0


def test_watchlist_csv_round_trip(tmp_path):
    watchlist = Watchlist(
        [
            Watched("Heineken", SPONSOR, ("Heineken N.V.", "Heineken’s")),
            Watched("Northbank Arena", PROPERTY, ("City Stadium",), "Northbank"),
            Watched("Jane Miller", "person"),
        ]
    )
    save(tmp_path, watchlist)
    assert load(tmp_path).names == watchlist.names
    assert Watchlist.from_csv(watchlist.to_csv()).names == watchlist.names
    assert load(tmp_path / "nothing-saved").find("Coca-Cola") is not None  # the built-in sponsors


def test_watchlist_bad_rows():
    with pytest.raises(WatchlistError, match="line 3: kind 'team' is not one of"):
        Watchlist.from_csv("name,kind\nHeineken,sponsor\nArsenal,team\n")
    with pytest.raises(WatchlistError, match="the first line must name the columns"):
        Watchlist.from_csv("Heineken,sponsor\n")
    kept = Watchlist.from_csv("name,kind,aliases\n,sponsor,\nVisa,,Visa Inc| \nvisa,sponsor,\n")
    assert [(w.name, w.kind, w.aliases) for w in kept] == [("visa", SPONSOR, ())]  # blank skipped, one per name


def test_a_cache_that_cannot_be_written_keeps_facts_for_this_run(tmp_path):
    from reader.core.analysis.cache import AnalysisCache

    article = replace(parse("Title: Heineken wins\n\nThe brewer said so.\n"), content_hash="h1")
    cache = AnalysisCache(tmp_path / "none.sqlite", "fp", read_only=True)  # no file, none may be made
    cache.put_many([(article, Analysis())])
    found = cache.facts(["heineken"])
    assert found.analysed == {article.content_hash}
    assert found.forms == {"heineken": {article.content_hash: (1, 0)}}  # once, in the headline
    assert not (tmp_path / "none.sqlite").exists()
    cache.close()


TAGGED = {  # the built-in lists tag ANA as All Nippon Airways and Man Utd as Manchester United FC
    "ana.txt": "Title: Fleet news\n\nThe airline said ANA ordered ten jets.\n\nANA’s new livery is blue.\n",
    "both.txt": "Title: Tokyo flights\n\nAll Nippon Airways flies daily.\n\nANA added a route.\n",
    "derby.txt": "Title: Derby day\n\nThe match was close.\n\nMan Utd won, and fans of Man Utd sang.\n",
}


def tagged_library(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TAGGED.items():
        (folder / name).write_text(text, "utf-8")
    library = quick_library(folder, tmp_path / "data")
    library.sync()
    library.analyze_all()
    return library


def test_an_alias_the_tagger_links_to_the_name_counts_each_place_once(tmp_path):
    library = tagged_library(tmp_path)
    (ana,) = library.coverage(Watchlist([ANA])).names
    (ana_alone,) = library.coverage(Watchlist([Watched("All Nippon Airways")])).names  # no alias
    by_title = {a.title: a.mentions for a in ana.articles}
    assert by_title == {"Fleet news": 2, "Tokyo flights": 2}  # the places in the text, not 4 and 3
    assert ana.mentions == 4
    # the mentions tagged as All Nippon Airways count without the alias: the article names it there too
    assert {a.title: a.mentions for a in ana_alone.articles} == by_title
    assert [a.placement for a in ana.articles] == [a.placement for a in ana_alone.articles] == ["lede", "lede"]
    library.close()


def test_a_name_carried_by_other_words_still_counts_its_mentions(tmp_path):
    library = tagged_library(tmp_path)
    united = Watched("Manchester United FC")  # the article writes only "Man Utd"
    with_alias = Watched("Manchester United", aliases=("Man Utd", "Manchester United FC"))
    first, second = library.coverage(Watchlist([united, with_alias])).names
    assert [(a.title, a.mentions, a.placement) for a in first.articles] == [("Derby day", 2, "body")]
    assert [(a.title, a.mentions, a.placement) for a in second.articles] == [("Derby day", 2, "body")]
    library.close()


def test_facts_no_process_can_read_are_deleted_and_the_figures_stay(tmp_path):
    library = analysed_library(tmp_path)
    expected = library.coverage(WATCHLIST).to_json()
    current = library.cache.facts_fingerprint
    library.close()
    older = current.replace(f"/facts{FACTS_VERSION}", f"/facts{FACTS_VERSION - 1}")
    other = "another-analyzer/tagger"  # an analyzer that still has an analysis in the file: its facts stay
    with sqlite3.connect(tmp_path / "data" / "analysis.sqlite") as db:
        db.execute("UPDATE facts_article SET fingerprint = ?", (older,))  # as the version before kept them
        for fingerprint in (f"gone-analyzer/tagger/facts{FACTS_VERSION}", facts_fingerprint(other)):
            db.execute(
                "INSERT INTO facts_article (hash, fingerprint, quotes) SELECT hash, ?, quotes FROM facts_article "
                "WHERE fingerprint = ?",
                (fingerprint, older),
            )
            db.execute(
                "INSERT INTO facts_name SELECT n.form, b.id, n.mentions, n.place FROM facts_name n "
                "JOIN facts_article a ON a.id = n.article JOIN facts_article b ON b.hash = a.hash "
                "AND b.fingerprint = ? WHERE a.fingerprint = ?",
                (fingerprint, older),
            )
        db.execute("INSERT INTO analysis VALUES ('elsewhere', ?, '{}')", (other,))
        db.execute("INSERT INTO facts_form (form) VALUES ('no longer named')")
        names_before = db.execute("SELECT COUNT(*) FROM facts_name").fetchone()[0]
    old = quick_library(tmp_path / "articles", tmp_path / "data")
    assert old.analyze_all().backfilled == 8
    assert old.coverage(WATCHLIST).to_json() == expected
    old.close()
    with sqlite3.connect(tmp_path / "data" / "analysis.sqlite") as db:
        kept = {f for (f,) in db.execute("SELECT DISTINCT fingerprint FROM facts_article")}
        assert kept == {current, facts_fingerprint(other)}
        assert db.execute("SELECT COUNT(*) FROM facts_name").fetchone()[0] == names_before * 2 // 3
        orphans = "SELECT COUNT(*) FROM facts_name WHERE article NOT IN (SELECT id FROM facts_article)"
        assert db.execute(orphans).fetchone()[0] == 0
        unused = "SELECT COUNT(*) FROM facts_form WHERE id NOT IN (SELECT form FROM facts_name)"
        assert db.execute(unused).fetchone()[0] == 0


def test_the_opening_caches_own_facts_are_kept_without_analyses(tmp_path):
    from reader.core.analysis.cache import AnalysisCache

    cache = AnalysisCache(tmp_path / "analysis.sqlite", "fp")
    with cache._lock:  # facts written straight into the file, as the benchmark fills it
        store.write(cache._db, cache.facts_fingerprint, [("h1", facts_of(parse("Title: Visa\n\nPaid.\n"), Analysis()))])
        cache._db.commit()
    cache.close()
    again = AnalysisCache(tmp_path / "analysis.sqlite", "fp")
    assert again.with_facts() == {"h1"}
    again.close()
    other = AnalysisCache(tmp_path / "analysis.sqlite", "another")  # for it, those of an analyzer with none
    other.close()
    with sqlite3.connect(tmp_path / "analysis.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM facts_article").fetchone() == (0,)
