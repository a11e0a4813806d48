"""The real broker exports in ../shared (skipped when absent). Totals are checked against sums computed
here straight from the file with the csv module or a regex — not with the readers under test."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from engine.errors import CoresatError
from engine.imports.detect import read_file
from engine.imports.into_household import apply_to_household
from tests.conftest import shared_real
from tests.helpers import core_satellite

pytestmark = pytest.mark.realdata


def _money(s: str) -> float:
    return float(s.replace("$", "").replace(",", ""))


def _schwab_sums(path: Path) -> list[tuple[float, float]]:
    """(sum of Market Value lines incl. cash, Account Total) per account, by plain csv reading."""
    out, total, mv_col = [], 0.0, None
    for row in csv.reader(path.read_text().splitlines()):
        if row and row[0] == "Symbol":
            mv_col, total = row.index("Market Value"), 0.0
        elif row and row[0] == "Account Total" and mv_col is not None:
            out.append((round(total, 2), _money(row[mv_col])))
        elif row and mv_col is not None and len(row) > mv_col:
            total += _money(row[mv_col])
    return out


@pytest.mark.parametrize(
    "name",
    [
        "schwab_positions_all_accounts_2021-09-26.csv",
        "schwab_positions_individual_2021-09-26.csv",
        "schwab_positions_individual_2023-04-23.csv",
    ],
)
def test_schwab_real_totals_reconcile_or_the_mismatch_is_shown(name: str) -> None:
    path = shared_real("broker-exports", "schwab", name)
    st = read_file(path)
    expected = _schwab_sums(path)
    assert len(st.accounts) == len(expected)
    for acct, (summed, stated) in zip(st.accounts, expected, strict=True):
        r = acct.reconciliation
        assert r.computed == pytest.approx(summed, abs=0.005)
        assert r.reported == pytest.approx(stated)
        # these sample files' totals disagree with their own lines; the import must say so, not hide it
        assert r.ok is (abs(summed - stated) <= r.tolerance)
        if not r.ok:
            assert "does NOT match" in r.describe()


def _ofx_tags(text: str, tag: str) -> list[float]:
    return [float(v) for v in re.findall(rf"<{tag}>\s*([+\-]?[\d.]+)", text)]


@pytest.mark.parametrize(
    ("folder", "name"), [("etrade", "etrade_09092023.QFX"), ("fidelity", "fidelity.ofx")]
)
def test_ofx_real_files_reconcile(folder: str, name: str) -> None:
    path = shared_real("broker-exports", folder, name)
    text = path.read_text()
    st = read_file(path)
    (acct,) = st.accounts
    assert acct.positions_value == pytest.approx(sum(_ofx_tags(text, "MKTVAL")))
    assert acct.cash == pytest.approx(_ofx_tags(text, "AVAILCASH")[0])
    assert acct.reconciliation.ok is True, acct.reconciliation.describe()


def test_fidelity_real_statement_mismatch_is_shown() -> None:
    path = shared_real("broker-exports", "fidelity", "Statement12312025.csv")
    rows = list(csv.reader(path.read_text().splitlines()))
    stated = float(rows[1][4])  # Ending mkt Value of the summary line
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Symbol/CUSIP")
    body = rows[start + 1 :]
    lines = sum(float(r[5]) for r in body if len(r) >= 7 and r[0] and not r[0].startswith("Subtotal"))
    (acct,) = read_file(path).accounts
    assert acct.reconciliation.computed == pytest.approx(lines)
    assert acct.reconciliation.reported == pytest.approx(stated)
    assert acct.reconciliation.ok is (abs(lines - stated) <= acct.reconciliation.tolerance)


def test_schwab_balances_file_is_refused_with_one_line() -> None:
    with pytest.raises(CoresatError, match="balances file, not a positions file"):
        read_file(shared_real("broker-exports", "schwab", "schwab_csv_brokerage_Balances_123.csv"))


def test_vanguard_real_csv_lines_sum_per_account() -> None:
    path = shared_real("broker-exports", "vanguard", "OfxDownload.csv")
    sums: dict[str, float] = {}
    for row in csv.reader(path.read_text().split("\n\n\n")[0].splitlines()[1:]):
        if row:
            sums[row[0][-4:]] = sums.get(row[0][-4:], 0.0) + float(row[5])
    st = read_file(path)
    assert {a.number[-4:]: round(a.reconciliation.computed, 2) for a in st.accounts} == pytest.approx(sums)
    assert all(a.reconciliation.ok is None for a in st.accounts)  # the file states no totals


def test_ibkr_real_flex_position_and_foreign_cash() -> None:
    st = read_file(shared_real("broker-exports", "ibkr", "ibkr-flex-vtandchill_2025.xml"))
    (acct,) = st.accounts
    (vt,) = acct.positions
    assert (vt.symbol, vt.quantity, vt.market_value) == ("VT", 200, 28212)
    assert acct.cash == pytest.approx(-0.87)  # USD cash only
    assert any("CHF not counted" in n for n in acct.notes)
    new, summary = apply_to_household(st, core_satellite({}))
    assert new.portfolio.cash == 0.0  # an account holds no debit: said, not hidden
    assert any("-0.87 (a debit)" in n for n in summary.notes)


REAL_POSITIONS = [
    "schwab/schwab_positions_all_accounts_2021-09-26.csv",
    "fidelity/Portfolio_Positions_fixture_finporter.csv",
    "fidelity/Statement12312025.csv",
    "vanguard/OfxDownload.csv",
    "vanguard/OfxDownload-401k.qfx",
    "vanguard/vanguard.ofx",
    "etrade/etrade_09092023.QFX",
    "ibkr/ibkr-flex-vtandchill_2025.xml",
]


@pytest.mark.parametrize(
    "name",
    [
        "schwab/schwab_positions_all_accounts_2021-09-26.csv",
        "fidelity/Portfolio_Positions_fixture_finporter.csv",
        "fidelity/Statement12312025.csv",
        "vanguard/OfxDownload.csv",
        "vanguard/OfxDownload-401k.qfx",
        "vanguard/vanguard.ofx",
        "etrade/etrade_09092023.QFX",
        "ibkr/ibkr-flex-vtandchill_2025.xml",
    ],
)
def test_every_real_positions_file_goes_into_a_valid_scenario(name: str) -> None:
    st = read_file(shared_real("broker-exports", *name.split("/")))
    new, summary = apply_to_household(st, core_satellite({}))
    new.validate()
    rebalanced = sum(p.market_value for p in st.positions if p.rebalanced)
    held = sum(h.market_value for h in summary.held_not_rebalanced)
    assert rebalanced + held == pytest.approx(sum(p.market_value for p in st.positions))


@pytest.mark.parametrize("name", REAL_POSITIONS)
def test_every_real_positions_file_goes_into_household_accounts(name: str) -> None:
    st = read_file(shared_real("broker-exports", *name.split("/")))
    new, changes = apply_to_household(st, core_satellite({}))
    assert new.household is not None
    assert len(new.household.accounts) == len(st.accounts)  # one account per statement account
    for sa, acct in zip(st.accounts, new.household.accounts, strict=True):
        tally: dict[str, float] = {}
        for p in sa.positions:
            if p.rebalanced:
                tally[p.symbol] = tally.get(p.symbol, 0.0) + p.quantity
        assert {p.ticker: p.shares for p in acct.positions} == pytest.approx(
            {t: q for t, q in tally.items() if q > 0}
        )
        assert acct.cash == pytest.approx(max(0.0, round(sa.cash, 2)))
    assert [a.status for a in changes.accounts][1:] == ["new"] * len(st.accounts)


def test_real_transaction_files_are_refused_with_one_line() -> None:
    folder = shared_real("broker-exports")
    for path in sorted(folder.glob("*/*")):
        if "ransaction" in path.name or "History" in path.name:
            with pytest.raises(CoresatError) as err:
                read_file(path)
            assert "transaction history" in str(err.value)
