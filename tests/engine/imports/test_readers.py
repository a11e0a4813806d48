"""Each layout read from a fixture written for these tests. Expected figures are the literals typed into
the fixture, summed here by hand — not what the reader computed."""

from __future__ import annotations

from datetime import date

import pytest

from engine.imports.detect import SUPPORTED, detect, read_file
from engine.imports.statement import AssetType, NeedsMapping, Statement
from engine.imports.textnum import decode
from tests.engine.imports.conftest import fixture


def _pos(st: Statement, symbol: str, account: int = 0):  # type: ignore[no-untyped-def]
    return next(p for p in st.accounts[account].positions if p.symbol == symbol)


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("schwab_all_accounts.csv", "Schwab positions CSV"),
        ("schwab_single_2023.csv", "Schwab positions CSV"),
        ("fidelity_positions.csv", "Fidelity positions CSV"),
        ("fidelity_statement.csv", "Fidelity statement CSV"),
        ("vanguard_ofxdownload.csv", "Vanguard OfxDownload CSV"),
        ("etrade_positions.qfx", "OFX/QFX investment statement"),
        ("vanguard_positions.ofx", "OFX/QFX investment statement"),
        ("ibkr_flex.xml", "IBKR Flex Query XML"),
        ("plain.csv", "CSV (mapped columns)"),
    ],
)
def test_layout_is_detected_from_content_not_name(name: str, layout: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = fixture(name).read_bytes()
    assert detect(decode(data)) == layout
    renamed = tmp_path / "download.txt"  # the name says nothing
    renamed.write_bytes(data)
    assert read_file(renamed).layout == layout
    assert layout in SUPPORTED


def test_schwab_several_accounts_cash_and_totals() -> None:
    st = read_file(fixture("schwab_all_accounts.csv"))
    assert st.statement_date == date(2025, 3, 14)
    ind, roth = st.accounts
    assert (ind.name, ind.number, ind.kind) == ("Individual Brokerage", "…4821", "Individual")
    assert (roth.name, roth.number, roth.kind) == ("Roth IRA", "…9307", "Roth IRA")
    assert ind.cash == pytest.approx(8013.35)
    assert roth.cash == pytest.approx(761.75)
    assert ind.reconciliation.computed == pytest.approx(24660.00 + 7712.10 + 630.00 + 8013.35)
    assert ind.reported_total == pytest.approx(41015.45)
    assert ind.reconciliation.ok is True and roth.reconciliation.ok is True
    assert roth.reconciliation.computed == pytest.approx(6165.00 + 913.00 + 964.00 + 761.75)
    avuv = _pos(st, "AVUV")
    assert (avuv.quantity, avuv.price, avuv.market_value, avuv.cost_basis) == (85.5, 90.20, 7712.10, 7100.00)
    assert avuv.asset_type is AssetType.ETF and avuv.rebalanced
    option = _pos(st, "AAPL 06/20/2025 200.00 C")
    assert option.asset_type is AssetType.OPTION and not option.rebalanced
    assert _pos(st, "SWPPX", 1).asset_type is AssetType.MUTUAL_FUND
    bond = _pos(st, "912828YK0", 1)
    assert bond.asset_type is AssetType.BOND and bond.quantity == 1000
    # bonds (per 100 face) and options (×100) do not trigger the quantity × price check
    assert not any("912828YK0" in n or "AAPL" in n for a in st.accounts for n in a.notes)


def test_schwab_newer_layout_with_padding_cells() -> None:
    st = read_file(fixture("schwab_single_2023.csv"))
    (acct,) = st.accounts
    assert st.statement_date == date(2024, 11, 8)
    assert (acct.name, acct.number, acct.kind) == ("Contributory IRA", "…612", "IRA")
    assert _pos(st, "MSFT").asset_type is AssetType.STOCK
    assert acct.reconciliation.ok is True
    assert acct.reconciliation.computed == pytest.approx(22030.00 + 4200.50 + 933.87)


def test_total_mismatch_is_shown_with_the_difference() -> None:
    acct = read_file(fixture("schwab_total_mismatch.csv")).accounts[0]
    r = acct.reconciliation
    assert r.ok is False
    assert r.difference == pytest.approx((22030.00 + 4200.50 + 933.87) - 27264.37)
    assert "does NOT match" in r.describe() and "-100.00" in r.describe()


def test_fidelity_money_market_pending_activity_and_footer() -> None:
    st = read_file(fixture("fidelity_positions.csv"))
    assert st.statement_date == date(2025, 3, 14)  # from "Date downloaded" in the footer
    ind, roth = st.accounts
    assert (ind.number, ind.name, ind.kind) == ("…0045", "Individual", "Individual")
    assert roth.kind == "Roth IRA"
    assert ind.cash == pytest.approx(1520.33 - 165.20)  # SPAXX** sweep plus pending activity
    assert roth.cash == pytest.approx(664.89)  # FDRXX** core position
    assert [p.symbol for p in ind.positions] == ["IJR", "VBR", "-SPY250620P500"]
    put = _pos(st, "-SPY250620P500")
    assert put.asset_type is AssetType.OPTION and put.quantity == -1 and not put.rebalanced
    assert _pos(st, "FXAIX", 1).asset_type is AssetType.MUTUAL_FUND
    assert ind.reconciliation.ok is None  # Fidelity states no account total
    assert ind.reconciliation.computed == pytest.approx(16860.00 + 17871.31 - 412.00 + 1520.33 - 165.20)


def test_fidelity_statement_categories_core_account_and_totals() -> None:
    st = read_file(fixture("fidelity_statement.csv"))
    ind, roth = st.accounts
    assert (ind.name, ind.number, ind.kind) == ("Individual - TOD", "…1234", "Individual")
    assert (roth.number, roth.kind) == ("…6677", "Roth IRA")
    assert [p.symbol for p in ind.positions] == ["IJR", "VBR"]
    assert ind.cash == pytest.approx(616.74)  # the core account
    assert ind.reconciliation.computed == pytest.approx(16860.00 + 13960.41 + 616.74)
    assert ind.reconciliation.ok is True and roth.reconciliation.ok is True
    assert _pos(st, "FXAIX", 1).asset_type is AssetType.MUTUAL_FUND
    assert _pos(st, "VBR").cost_basis == 12000.00


def test_vanguard_csv_holdings_beside_transactions() -> None:
    st = read_file(fixture("vanguard_ofxdownload.csv"))
    brokerage, roth = st.accounts
    assert brokerage.number == "…2233" and brokerage.kind == "CASH"
    assert roth.kind == "Roth IRA"  # from the transactions section's Account Type
    assert brokerage.cash == pytest.approx(2450.18)  # VMFXX settlement fund
    assert [p.symbol for p in brokerage.positions] == ["VTWO", "VBR"]
    assert _pos(st, "VSMAX", 1).asset_type is AssetType.MUTUAL_FUND
    assert len(st.positions) == 4


def test_etrade_qfx_sgml_cash_and_total() -> None:
    st = read_file(fixture("etrade_positions.qfx"))
    (acct,) = st.accounts
    assert acct.broker == "E*TRADE" and acct.number == "…2222"
    assert st.statement_date == date(2025, 3, 14)
    assert [p.symbol for p in acct.positions] == ["IWM", "AVUV", "MSFT"]  # AVUV from MEMO: no SECINFO
    assert acct.cash == pytest.approx(412.85)
    assert acct.reported_total == pytest.approx(12048.00)
    assert acct.reconciliation.computed == pytest.approx(9247.50 + 1127.50 + 1260.15 + 412.85)
    assert acct.reconciliation.ok is True


def test_vanguard_ofx_xml_funds_and_money_market() -> None:
    st = read_file(fixture("vanguard_positions.ofx"))
    (acct,) = st.accounts
    assert st.statement_date == date(2025, 3, 13)
    vb = _pos(st, "VB")
    assert vb.asset_type is AssetType.ETF  # POSMF, but the name says ETF
    assert _pos(st, "VSMAX").asset_type is AssetType.MUTUAL_FUND
    assert acct.cash == pytest.approx(1830.55)  # VMFXX money market
    assert "VMFXX" not in [p.symbol for p in acct.positions]


def test_ibkr_flex_summary_and_lots() -> None:
    st = read_file(fixture("ibkr_flex.xml"))
    (acct,) = st.accounts
    assert (acct.name, acct.kind, acct.number) == ("Small caps", "Individual", "…4321")
    iwm = _pos(st, "IWM")
    assert iwm.quantity == 150 and iwm.asset_type is AssetType.ETF
    assert [(lo.quantity, lo.basis_per_share, lo.acquired) for lo in iwm.lots] == [
        (100, 180.1, date(2023, 5, 22)),
        (50, 210.4, date(2024, 11, 11)),
    ]
    assert sum(lo.quantity for lo in iwm.lots) == iwm.quantity
    assert _pos(st, "MSFT").asset_type is AssetType.STOCK
    opt = next(p for p in acct.positions if p.asset_type is AssetType.OPTION)
    assert opt.quantity == -1 and opt.market_value == -180
    assert acct.cash == pytest.approx(1523.40)
    assert acct.reported_total == pytest.approx(38445.90)  # the last report date's total
    assert acct.reconciliation.ok is True


def test_plain_csv_with_currency_signs_thousands_and_cash_line() -> None:
    st = read_file(fixture("plain.csv"))
    (acct,) = st.accounts
    assert _pos(st, "VBR").quantity == 1020.5
    assert _pos(st, "VBR").price == 198.02
    assert acct.cash == 2500.00


def test_european_csv_with_bom_semicolons_and_decimal_commas() -> None:
    st = read_file(fixture("european.csv"))
    (acct,) = st.accounts
    assert acct.name == "Depot 1"
    assert _pos(st, "IWM").quantity == 1200
    assert _pos(st, "AVUV").quantity == 12.5
    assert _pos(st, "AVUV").market_value == 1127.50


def test_headerless_ticker_shares_price() -> None:
    st = read_file(fixture("headerless.csv"))
    assert [(p.symbol, p.quantity, p.price) for p in st.positions] == [
        ("IWM", 100, None),
        ("AVUV", 25.5, 90.2),
    ]
    assert any("IWM has no price" in n for n in st.accounts[0].notes)


def test_unknown_layout_asks_for_a_mapping() -> None:
    with pytest.raises(NeedsMapping, match="map its columns once in the app"):
        read_file(fixture("needs_mapping.csv"))
