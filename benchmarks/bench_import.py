"""Benchmark: import a 2,000-row broker statement (target: ≤ 200 ms from file to updated scenario).

Writes synthetic statements of 2,000 holding (or lot) lines in every layout we read — Schwab positions
CSV over 4 accounts, Fidelity positions CSV, Fidelity statement CSV, Vanguard OfxDownload.csv, OFX/QFX,
IBKR Flex XML (2,000 positions, each with a lot row), plain CSV with a European decimal comma, Schwab lot
details and Fidelity open lots — to a temporary folder, then times ``read_file`` (detect + parse +
reconcile) plus ``apply_to_household`` (into a one-portfolio scenario; the lots files into a household
that holds their positions), 7 runs each: CPU time of this process (median; what the import costs,
whatever else the machine runs) and wall time (best and median; the best run is the one least disturbed
by other processes). The verdict uses the CPU time.

Run: ``.venv/bin/python benchmarks/bench_import.py``. Touches no network and no user folder.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROWS = 2000
TARGET_MS = 200.0


def _sym(i: int) -> str:
    return "T" + "".join(chr(65 + (i // 26**k) % 26) for k in range(3))


def schwab(n: int) -> str:
    head = (
        '"Symbol","Description","Quantity","Price","Price Change $","Price Change %","Market Value",'
        '"Day Change $","Day Change %","Cost Basis","Gain/Loss $","Gain/Loss %","Security Type",'
    )
    out = ['"Positions for All-Accounts as of 04:10 PM ET, 03/14/2025"', ""]
    per = n // 4
    for a in range(4):
        out += [f'"Account {a}                XXXX-{1000 + a}"', head]
        total = 0.0
        for i in range(a * per, (a + 1) * per):
            q, p = 10 + i % 90, 20 + (i % 500) / 4
            total += round(q * p, 2)
            out.append(
                f'"{_sym(i)}","SYNTHETIC ETF {i}","{q:,}","${p:,.2f}","$0.10","+0.1%","${q * p:,.2f}",'
                f'"$1.00","+0.1%","${q * p * 0.9:,.2f}","$1.00","+1%","ETFs & Closed End Funds",'
            )
        out.append(
            '"Cash & Cash Investments","--","--","--","--","--","$1,000.00","$0.00","0%","--","--","--",'
            '"Cash and Money Market",'
        )
        out.append(
            f'"Account Total","--","--","--","--","--","${total + 1000:,.2f}","$0","0%","--","--","--",'
        )
        out.append("")
    return "\n".join(out) + "\n"


def fidelity(n: int) -> str:
    out = [
        "Account Number,Account Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,"
        "Today's Gain/Loss Dollar,Today's Gain/Loss Percent,Total Gain/Loss Dollar,Total Gain/Loss Percent,"
        "Percent Of Account,Cost Basis Total,Average Cost Basis,Type"
    ]
    for i in range(n):
        q, p = 10 + i % 90, 20 + (i % 500) / 4
        out.append(
            f'X{i % 3:08d},Individual,{_sym(i)},SYNTHETIC ETF,{q},${p:.2f},+$0.10,"${q * p:,.2f}",+$1.00,+0.1%,'
            f'+$1.00,+1%,0.1%,"${q * p * 0.9:,.2f}",${p * 0.9:.2f},Cash,'
        )
    return "\n".join(out) + "\n"


def ofx(n: int) -> str:
    pos, sec = [], []
    total = 0.0
    for i in range(n):
        q, p = 10 + i % 90, 20 + (i % 500) / 4
        total += round(q * p, 2)
        pos.append(
            f"<POSSTOCK><INVPOS><SECID><UNIQUEID>C{i:08d}<UNIQUEIDTYPE>CUSIP</SECID><HELDINACCT>CASH"
            f"<POSTYPE>LONG<UNITS>{q}<UNITPRICE>{p:.2f}<MKTVAL>{q * p:.2f}</INVPOS></POSSTOCK>"
        )
        sec.append(
            f"<STOCKINFO><SECINFO><SECID><UNIQUEID>C{i:08d}<UNIQUEIDTYPE>CUSIP</SECID>"
            f"<SECNAME>SYNTHETIC ETF<TICKER>{_sym(i)}</SECINFO></STOCKINFO>"
        )
    return (
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS>"
        "<DTASOF>20250314<CURDEF>USD<INVACCTFROM><BROKERID>etrade.com<ACCTID>600011112222</INVACCTFROM>"
        f"<INVPOSLIST>{''.join(pos)}</INVPOSLIST><INVBAL><AVAILCASH>500.00<BALLIST><BAL><NAME>Total Account Value"
        f"<BALTYPE>DOLLAR<VALUE>{total + 500:.2f}</BAL></BALLIST></INVBAL></INVSTMTRS></INVSTMTTRNRS>"
        f"</INVSTMTMSGSRSV1><SECLISTMSGSRSV1><SECLIST>{''.join(sec)}</SECLIST></SECLISTMSGSRSV1></OFX>\n"
    )


def plain_eu(n: int) -> str:
    out = ["Konto;Symbol;Anzahl;Kurs;Wert"]
    for i in range(n):
        q, p = 10 + i % 90, 20 + (i % 500) / 4
        out.append(f"Depot {i % 2};{_sym(i)};{q};{p:.2f};{q * p:,.2f}".replace(",", " ").replace(".", ","))
    return "\ufeff" + "\n".join(out) + "\n"


def fidelity_statement(n: int) -> str:
    out = [
        "Account Type,Account,Beginning mkt Value,Change in Investment,Ending mkt Value,Short Balance,"
        "Ending Net Value,Dividends This Period,Dividends Year to Date,Interest This Year,"
        "Interest Year to Date,Total This Period,Total Year to Date"
    ]
    total = sum(round((10 + i % 90) * (20 + (i % 500) / 4), 2) for i in range(n))
    out += [f"Individual - TOD,Z55501234,0,0,{total:.2f},,{total:.2f},0,0,0,0,0,0", " "]
    out += [
        "Symbol/CUSIP,Description,Quantity,Price,Beginning Value,Ending Value,Cost Basis",
        " ",
        "Z55501234",
    ]
    out.append("Stocks ")
    for i in range(n):
        q, p = 10 + i % 90, 20 + (i % 500) / 4
        out.append(f"{_sym(i)},SYNTHETIC ETF,{q:.4f},{p:.5f},0.00,{q * p:.2f},{q * p * 0.9:.2f}")
    out.append(f"Subtotal of Stocks,,,,,{total:.2f},0,,,,")
    return "\n".join(out) + "\n"


def vanguard(n: int) -> str:
    out = ["Account Number,Investment Name,Symbol,Shares,Share Price,Total Value,"]
    for i in range(n):
        q, p = 10 + i % 90, 20 + (i % 500) / 4
        out.append(f"{7700112233 + i % 3},Synthetic ETF {i},{_sym(i)},{q:.2f},{p:.2f},{q * p:.2f},")
    out += ["", "", ""]
    out.append(
        "Account Number,Trade Date,Settlement Date,Transaction Type,Transaction Description,"
        "Investment Name,Symbol,Shares,Share Price,Principal Amount,Commissions and Fees,Net Amount,"
        "Accrued Interest,Account Type,"
    )
    out.append("7700112233,2025-02-03,2025-02-04,Buy,Buy,Synthetic ETF,TAAA,1,20,20,0,20,0,CASH,")
    return "\n".join(out) + "\n"


def ibkr(n: int) -> str:
    rows, total = [], 0.0
    for i in range(n):
        q, p = 10 + i % 90, 20 + (i % 500) / 4
        total += q * p
        common = (
            f'accountId="U7654321" currency="USD" assetCategory="STK" subCategory="ETF" symbol="{_sym(i)}" '
            f'description="SYNTHETIC ETF" multiplier="1" reportDate="2025-03-14" position="{q}" '
            f'markPrice="{p}" positionValue="{q * p:.2f}" costBasisPrice="{p * 0.9:.4f}" '
            f'costBasisMoney="{q * p * 0.9:.2f}"'
        )
        rows.append(f'<OpenPosition {common} levelOfDetail="SUMMARY" openDateTime="" />')
        rows.append(f'<OpenPosition {common} levelOfDetail="LOT" openDateTime="20230522;100000" />')
    return (
        '<FlexQueryResponse queryName="Positions" type="AF"><FlexStatements count="1">'
        '<FlexStatement accountId="U7654321" fromDate="2025-03-01" toDate="2025-03-14">'
        '<AccountInformation accountId="U7654321" acctAlias="Bench" currency="USD" accountType="Individual" />'
        "<EquitySummaryInBase>"
        f'<EquitySummaryByReportDateInBase accountId="U7654321" currency="USD" reportDate="2025-03-14" '
        f'cash="500" total="{total + 500:.2f}" /></EquitySummaryInBase><CashReport>'
        '<CashReportCurrency accountId="U7654321" currency="USD" endingCash="500" /></CashReport>'
        f"<OpenPositions>{''.join(rows)}</OpenPositions></FlexStatement></FlexStatements></FlexQueryResponse>\n"
    )


LOTS_PER_TICKER = 4


def schwab_lots(n: int) -> str:
    out = []
    head = (
        '"Open Date","Quantity","Price","Cost/Share","Market Value","Cost Basis","Gain/Loss $","Gain/Loss %",'
        '"Holding Period"'
    )
    for t in range(n // LOTS_PER_TICKER):
        out += [f'"{_sym(t)} Lot Details for Individual XXXX-4821 as of 04:10 PM ET, 03/14/2025"', head]
        for k in range(LOTS_PER_TICKER):
            out.append(
                f'"0{1 + k}/15/2022","{5 + k}","$50.00","${40 + k:.2f}","${(5 + k) * 50:,.2f}",'
                f'"${(5 + k) * (40 + k):,.2f}","$1.00","+1%","Long Term"'
            )
        out.append(f'"Total","{sum(5 + k for k in range(LOTS_PER_TICKER))}","","","","","","",""')
    return "\n".join(out) + "\n"


def fidelity_lots(n: int) -> str:
    out = [
        "Account Number,Account Name,Symbol,Description,Date Acquired,Term,Quantity,Cost Basis Per Share,"
        "Cost Basis Total,Current Value,Total Gain/Loss Dollar,Total Gain/Loss Percent"
    ]
    for t in range(n // LOTS_PER_TICKER):
        for k in range(LOTS_PER_TICKER):
            q = 5 + k
            out.append(
                f"X77124821,Individual,{_sym(t)},SYNTHETIC ETF,0{1 + k}/15/2022,Long,{q},${40 + k:.2f},"
                f'"${q * (40 + k):,.2f}","${q * 50:,.2f}",+$1.00,+1%'
            )
    out += ["", '"Date downloaded 03/14/2025 5:02 PM ET"']
    return "\n".join(out) + "\n"


def _holding_lots(broker: str, n: int):  # type: ignore[no-untyped-def]
    """A household scenario holding the tickers of the lots files (4821 at ``broker``)."""
    from engine.model.household import Account, Household, Position, with_household
    from tests.helpers import core_satellite

    shares = sum(5 + k for k in range(LOTS_PER_TICKER))
    acct = Account(
        id=f"{broker.lower()}-4821",
        name="Individual …4821",
        broker=broker,
        positions=tuple(Position(_sym(t), shares) for t in range(n // LOTS_PER_TICKER)),
    )
    return with_household(core_satellite({}), Household("h", "Bench", (acct,)))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CORESAT_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["CORESAT_CONFIG_DIR"] = str(Path(tmp) / "config")
        from engine.imports.detect import read_file
        from engine.imports.into_household import apply_to_household
        from tests.helpers import core_satellite

        flat = core_satellite({"IWM": 100, "IWN": 10})
        worst = 0.0
        print(f"{ROWS:,} holding or lot lines per file; 7 runs of read_file + apply_to_household")
        print(f"  {'layout':<24} {'CPU median':>10} {'wall best':>10} {'wall median':>12}")
        for name, make, suffix, scenario in (
            ("Schwab positions CSV", schwab, ".csv", flat),
            ("Fidelity positions CSV", fidelity, ".csv", flat),
            ("Fidelity statement CSV", fidelity_statement, ".csv", flat),
            ("Vanguard OfxDownload.csv", vanguard, ".csv", flat),
            ("OFX/QFX", ofx, ".qfx", flat),
            ("IBKR Flex XML (+lots)", ibkr, ".xml", flat),
            ("plain CSV ; 1 234,56", plain_eu, ".csv", flat),
            ("Schwab lot details", schwab_lots, ".csv", _holding_lots("Schwab", ROWS)),
            ("Fidelity open lots", fidelity_lots, ".csv", _holding_lots("Fidelity", ROWS)),
        ):
            path = Path(tmp) / f"statement{suffix}"
            path.write_text(make(ROWS), encoding="utf-8")
            cpu, wall = [], []
            for _ in range(7):
                w0, c0 = time.perf_counter(), time.process_time()
                st = read_file(path)
                apply_to_household(st, scenario)
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            lines = sum(max(1, len(p.lots)) for p in st.positions) if st.lots_only else len(st.positions)
            assert lines == ROWS, (name, lines)
            assert st.reconciled and st.layout.split()[0] in name + " Vanguard plain", (name, st.layout)
            c = statistics.median(cpu) * 1000
            worst = max(worst, c)
            print(
                f"  {name:<24} {c:7.1f} ms {min(wall) * 1000:7.1f} ms {statistics.median(wall) * 1000:9.1f} ms"
            )
        verdict = "OK" if worst <= TARGET_MS else "TOO SLOW"
        print(f"slowest layout {worst:.1f} ms CPU (target ≤ {TARGET_MS:.0f} ms): {verdict}")
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
