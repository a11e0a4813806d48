"""A household (several accounts) stored in the client book: it round-trips, and the batch plan sees the
tickers its accounts hold."""

from __future__ import annotations

from pathlib import Path

from engine import resources
from engine.batch.plan import plan
from engine.book.store import Book
from engine.model import scenario_file as sf

COUPLE = "household-couple-four-accounts.coresat.toml"


def test_book_keeps_the_accounts_and_the_plan_sees_their_tickers(tmp_path: Path) -> None:
    src = tmp_path / COUPLE
    text = resources.read_text("examples", COUPLE)
    roth = 'positions = [{ ticker = "IJR", shares = 20 }]'
    assert roth in text  # an account also holds a fund outside the policy
    src.write_text(
        text.replace(roth, 'positions = [{ ticker = "IJR", shares = 20 }, { ticker = "XLK", shares = 3 }]')
    )
    sc = sf.load(src)
    assert sc.household is not None
    book = Book.open(f"sqlite:///{tmp_path / 'book.sqlite'}")
    try:
        ids = book.import_scenario(src, client="Lee & Park")
        back = book.scenario(ids.household_id)
        assert back.household == sc.household and back.placement == sc.placement
        p = plan(book)
        held = {pos.ticker for a in sc.household.accounts for pos in a.positions}
        assert "XLK" in held and held <= set(p.tickers)
    finally:
        book.close()
