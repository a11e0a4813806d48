"""Benchmark: import a 2,000-row broker statement (target: ≤ 200 ms from file to updated scenario).

Writes synthetic statements of 2,000 holding lines in four layouts (Schwab positions CSV over 4 accounts,
Fidelity positions CSV, OFX/QFX, plain CSV with a European decimal comma) to a temporary folder, then
times ``read_file`` (detect + parse + reconcile) plus ``apply_to_scenario``, 7 runs each: CPU time of
this process (median; what the import costs, whatever else the machine runs) and wall time (best and
median; the best run is the one least disturbed by other processes). The verdict uses the CPU time.

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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CORESAT_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["CORESAT_CONFIG_DIR"] = str(Path(tmp) / "config")
        from engine.imports.apply import apply_to_scenario
        from engine.imports.detect import read_file
        from tests.helpers import core_satellite

        scenario = core_satellite({"IWM": 100, "IWN": 10})
        worst = 0.0
        print(f"{ROWS:,} holding lines per file; 7 runs of read_file + apply_to_scenario")
        print(f"  {'layout':<24} {'CPU median':>10} {'wall best':>10} {'wall median':>12}")
        for name, make, suffix in (
            ("Schwab positions CSV", schwab, ".csv"),
            ("Fidelity positions CSV", fidelity, ".csv"),
            ("OFX/QFX", ofx, ".qfx"),
            ("plain CSV ; 1 234,56", plain_eu, ".csv"),
        ):
            path = Path(tmp) / f"statement{suffix}"
            path.write_text(make(ROWS), encoding="utf-8")
            cpu, wall = [], []
            for _ in range(7):
                w0, c0 = time.perf_counter(), time.process_time()
                st = read_file(path)
                apply_to_scenario(st, scenario)
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            assert len(st.positions) == ROWS, (name, len(st.positions))
            assert st.reconciled, name
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
