"""The client book on SQLite and PostgreSQL: clients, policies, overrides, files in and out, schema."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
import tomli_w

from engine import resources
from engine.book import db, parts
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.store import Book
from engine.errors import CoresatError, ScenarioError
from engine.model import scenario_file
from tests.engine.book.builders import client_scenario, with_inline_market


@pytest.fixture
def book(book_url: str) -> Book:
    b = Book.open(book_url)
    yield b  # type: ignore[misc]
    b.close()


def file_round_trip(sc: object) -> object:
    """What a scenario becomes after a save and a load: the reference for the book's round trip."""
    return scenario_file.loads(scenario_file.dumps(sc))  # type: ignore[arg-type]


def test_new_book_has_schema_version_and_guards(book: Book) -> None:
    with book.begin() as conn:
        assert db.current_version(conn) == t.SCHEMA_VERSION
        names = set(sa.inspect(conn).get_table_names())
    assert {"clients", "households", "accounts", "model_policies", "proposals", "proposal_events"} <= names
    reopened = Book.open(str(book.engine.url.render_as_string(hide_password=False)))  # idempotent
    with reopened.begin() as conn:
        versions = list(conn.execute(sa.select(t.schema_version.c.version)).scalars())
    reopened.close()
    assert versions == [t.SCHEMA_VERSION]


def test_sqlite_book_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    b = Book.open(str(tmp_path / "b.sqlite"))  # a plain path is a SQLite file
    with b.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(BookError, match="refused"), b.begin() as conn:
        conn.execute(sa.insert(t.households).values(client_id=999, name="orphan"))
    b.close()


@pytest.mark.parametrize("example", resources.examples())
def test_example_files_round_trip_through_the_book(book: Book, example: str, tmp_path: Path) -> None:
    src = tmp_path / "in.coresat.toml"
    src.write_text(resources.read_text("examples", example), encoding="utf-8")
    original = scenario_file.load(src)
    ids = book.import_scenario(src, client="Client A")
    out = book.export_client("Client A", tmp_path / "out.coresat.toml")
    assert scenario_file.load(out) == file_round_trip(original)
    assert book.scenario(ids.household_id) == file_round_trip(original)


def test_inline_market_and_notes_survive_the_round_trip(book: Book, tmp_path: Path) -> None:
    sc = with_inline_market(client_scenario("Inline"))
    book.add_household("Inline", sc)
    got = book.scenario(book.household_id("Inline"))
    assert got.market is not None and got.market.as_of == sc.market.as_of  # type: ignore[union-attr]
    assert got == file_round_trip(sc)
    assert got.notes == "notes of Inline"


def test_policy_is_shared_and_versioned(book: Book) -> None:
    model = client_scenario("Model", vol_cap=0.2)
    book.save_policy_from_scenario("Growth 70/30", model)
    a = book.add_household("Ann", client_scenario("Ann", iwm=100), policy="Growth 70/30")
    b = book.add_household("Bob", client_scenario("Bob", iwm=500, vol_cap=None), policy="Growth 70/30")
    assert a.policy_id == b.policy_id
    # the policy's limits apply, not those of the files the households came from
    assert book.scenario(b.household_id).constraints.vol_cap == pytest.approx(0.2)
    # each keeps its own holdings and account limits (no_sell belongs to the account)
    assert book.scenario(a.household_id).portfolio.shares_of("IWM") == 100
    assert book.scenario(b.household_id).portfolio.shares_of("IWM") == 500
    assert book.scenario(b.household_id).constraints.no_sell == frozenset({"VBR"})

    same = book.save_policy_from_scenario("Growth 70/30", model)
    assert same == a.policy_id  # unchanged: no new version
    v2 = book.save_policy_from_scenario(
        "Growth 70/30", replace(model, constraints=replace(model.constraints, vol_cap=0.15))
    )
    assert v2 != a.policy_id
    assert book.policies() == [("Growth 70/30", 2, 2)]
    assert book.scenario(a.household_id).constraints.vol_cap == pytest.approx(0.15)  # latest version in force
    with book.begin() as conn:
        bodies = dict(conn.execute(sa.select(t.model_policies.c.version, t.model_policies.c.body)).all())
    assert "vol_cap_pct = 20.0" in bodies[1] and "vol_cap_pct = 15.0" in bodies[2]  # version 1 kept as it was


def test_overrides_apply_to_one_household_and_bad_ones_change_nothing(book: Book) -> None:
    book.save_policy_from_scenario("Model", client_scenario("Model", vol_cap=0.2))
    a = book.add_household("Ann", client_scenario("Ann"), policy="Model")
    b = book.add_household("Bob", client_scenario("Bob"), policy="Model")
    book.follow_policy(a.household_id, "Model", "[constraints]\nvol_cap_pct = 12\n")
    assert book.scenario(a.household_id).constraints.vol_cap == pytest.approx(0.12)
    assert book.scenario(b.household_id).constraints.vol_cap == pytest.approx(0.2)
    with pytest.raises(ScenarioError, match="vol_cap"):
        book.follow_policy(b.household_id, "Model", "[constraints]\nvol_cap_pct = -3\n")
    with pytest.raises(ScenarioError, match="portfolio"):
        book.follow_policy(b.household_id, "Model", "[portfolio]\ncash = 1e9\n")
    with pytest.raises(BookError, match="no model policy"):
        book.follow_policy(b.household_id, "Nope")
    assert book.scenario(b.household_id).constraints.vol_cap == pytest.approx(0.2)  # rolled back


def test_reimport_replaces_holdings_and_keeps_one_household(book: Book) -> None:
    book.add_household("Ann", client_scenario("Ann", iwm=100))
    ids = book.add_household("Ann", client_scenario("Ann", iwm=250))
    assert [h.id for h in book.households()] == [ids.household_id]
    assert book.scenario(ids.household_id).portfolio.shares_of("IWM") == 250


def test_a_bad_file_changes_nothing(book: Book, tmp_path: Path) -> None:
    bad = tmp_path / "bad.coresat.toml"
    bad.write_text(scenario_file.dumps(client_scenario()).replace("weight_pct = 70.0", "weight_pct = 71.0"))
    with pytest.raises(ScenarioError):
        book.import_scenario(bad)
    assert book.clients() == []


def test_unknown_names_are_clear(book: Book) -> None:
    with pytest.raises(BookError, match="no client named 'Zed'"):
        book.household_id("Zed")
    book.add_client("Ann")
    with pytest.raises(BookError, match="already in the book"):
        book.add_client("Ann")
    with pytest.raises(BookError, match="empty"):
        book.add_client("  ")


def test_split_and_assemble_are_inverse() -> None:
    sc = client_scenario("X")
    p = parts.split(sc)
    assert set(p.account["constraints"]) == set(parts.ACCOUNT_CONSTRAINTS)
    assert "vol_cap_pct" in p.policy["constraints"]
    back = parts.assemble(
        parts.policy_from_text(parts.policy_text(p.policy)),
        parts.account_from_text(parts.account_text(p.account)),
        p.extra,
    )
    assert back == file_round_trip(sc)


def test_stored_parts_of_an_older_file_version_are_migrated() -> None:
    # version 1 of the file format stored fractions: weight = 0.7 means 70 %
    v1 = parts.split(client_scenario()).policy
    v1_targets = {
        "sleeves": [
            {
                "name": s["name"],
                "role": s["role"],
                "weight": s["weight_pct"] / 100,
                "assets": [{"ticker": a["ticker"], "weight": a["weight_pct"] / 100} for a in s["assets"]],
            }
            for s in v1["targets"]["sleeves"]
        ]
    }
    text = tomli_w.dumps(
        {"format": "coresat-policy", "version": 1, "targets": v1_targets, "constraints": {"vol_cap": 0.2}}
    )
    pol = parts.policy_from_text(text)
    assert pol["constraints"]["vol_cap_pct"] == pytest.approx(20.0)
    assert pol["targets"]["sleeves"][0]["weight_pct"] == pytest.approx(70.0)


# ------------------------------------------------------------------------------------------ schema


def test_migration_runner_applies_steps_and_refuses_newer_books(tmp_path: Path) -> None:
    engine = db.create_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    with engine.begin() as conn:
        assert db.migrate(conn) == t.SCHEMA_VERSION
    seen: list[int] = []

    def step(conn: sa.Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE clients ADD COLUMN email TEXT")
        seen.append(1)

    with engine.begin() as conn:
        assert (
            db.migrate(conn, target=t.SCHEMA_VERSION + 1, steps={t.SCHEMA_VERSION: step})
            == t.SCHEMA_VERSION + 1
        )
    with engine.begin() as conn:
        assert seen == [1]
        assert "email" in {c["name"] for c in sa.inspect(conn).get_columns("clients")}
        assert db.current_version(conn) == t.SCHEMA_VERSION + 1
    with pytest.raises(BookError, match="newer Coresat"), engine.begin() as conn:
        db.migrate(conn)  # this Coresat knows only SCHEMA_VERSION
    with pytest.raises(BookError, match="no migration"), engine.begin() as conn:
        db.migrate(conn, target=t.SCHEMA_VERSION + 3, steps={})
    engine.dispose()


def test_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(BookError, match="no Coresat client book"):
        Book.open(str(path))


def test_damaged_file_gives_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(BookError, match="damaged or not a Coresat book"):
        Book.open(str(path))


def test_locked_book_gives_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    path = tmp_path / "b.sqlite"
    Book.open(str(path)).close()
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        book = Book.open(str(path))
        with pytest.raises(BookError, match="locked by another program"):
            book.add_client("Ann")
        book.close()
    finally:
        other.rollback()
        other.close()


def test_missing_book_is_not_created_by_readers(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="book init"):
        Book.open(str(tmp_path / "nothing.sqlite"), create=False)
    assert not (tmp_path / "nothing.sqlite").exists()


def test_bad_url_and_backend() -> None:
    with pytest.raises(BookError, match="SQLite or PostgreSQL"):
        db.normalize_url("mysql://x/y")
    assert db.normalize_url("postgresql://u@h/d").drivername == "postgresql+psycopg"


def test_default_book_lives_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CORESAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(db.URL_ENV, raising=False)
    assert db.default_url() == f"sqlite:///{tmp_path / 'data' / 'book.sqlite'}"
    monkeypatch.setenv(db.URL_ENV, "postgresql://firm/book")
    assert db.default_url() == "postgresql://firm/book"


def test_backup_is_a_consistent_copy(book: Book, tmp_path: Path) -> None:
    book.add_household("Ann", client_scenario("Ann"))
    if book.engine.dialect.name != "sqlite":
        with pytest.raises(BookError, match="pg_dump"):
            db.backup(book.engine, tmp_path / "b.sqlite")
        return
    with pytest.raises(CoresatError, match="does not exist"):  # issue #14: no folder made silently
        db.backup(book.engine, tmp_path / "copies" / "b.sqlite")
    (tmp_path / "copies").mkdir()
    with book.begin():  # a reader holds the book open during the backup
        dest = db.backup(book.engine, tmp_path / "copies" / "b.sqlite")
    copy = Book.open(str(dest), create=False)
    assert copy.clients() == ["Ann"]
    assert copy.scenario(copy.household_id("Ann")) == book.scenario(book.household_id("Ann"))
    copy.close()
    assert not list((tmp_path / "copies").glob(".*.tmp"))
    with pytest.raises(BookError, match="another file"):
        db.backup(book.engine, str(book.engine.url.database))
