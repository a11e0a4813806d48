"""Benchmark: load 20 tickers × 20 years of daily prices from the SQLite price store and estimate the
covariance (target: ≤ 200 ms in total). Also times the offline first result: the bundled simulated demo
data parsed and turned into a MarketSnapshot by ``load_market``.

Run: ``.venv/bin/python benchmarks/bench_data.py``. Uses a temporary price store; touches no network and
no user folder.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CORESAT_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["CORESAT_CONFIG_DIR"] = str(Path(tmp) / "config")

        t0 = time.perf_counter()
        from engine import resources
        from engine.data import demo
        from engine.data.checks import check_prices
        from engine.data.loader import load_market
        from engine.data.store import PriceStore
        from engine.model import scenario_file
        from engine.risk.covariance import estimate_covariance

        t_import = time.perf_counter() - t0

        # First result offline: parse the bundled demo file and build a snapshot (cold, once per process).
        sc = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
        t0 = time.perf_counter()
        snap = load_market(sc)
        t_first = time.perf_counter() - t0
        t0 = time.perf_counter()
        load_market(sc)
        t_again = time.perf_counter() - t0

        prices = demo.load_demo_prices()
        tickers = list(prices.columns)
        store = PriceStore()
        t0 = time.perf_counter()
        store.write(prices, "benchmark")
        t_write = time.perf_counter() - t0

        runs: dict[str, list[float]] = {
            "load": [],
            "checks": [],
            "cov_lw_756": [],
            "cov_lw_full": [],
            "total": [],
        }
        for _ in range(7):
            a = time.perf_counter()
            frame = store.load(tickers)
            b = time.perf_counter()
            checked = check_prices(frame)
            c = time.perf_counter()
            values = checked.prices.to_numpy()
            r = values[1:] / values[:-1] - 1.0
            estimate_covariance(r[-756:], "ledoit_wolf")
            d = time.perf_counter()
            estimate_covariance(r, "ledoit_wolf")
            e = time.perf_counter()
            runs["load"].append(b - a)
            runs["checks"].append(c - b)
            runs["cov_lw_756"].append(d - c)
            runs["cov_lw_full"].append(e - d)
            runs["total"].append(e - a)

        # End to end: load_market for a 20-ticker scenario from the store (checks, window, covariance).
        from dataclasses import replace

        from engine.model.scenario import AssetTarget, DataSettings, Role, Sleeve, TargetTree

        one = 1.0 / len(tickers)
        wide = replace(
            sc,
            targets=TargetTree((Sleeve("All", Role.CORE, 1.0, tuple(AssetTarget(t, one) for t in tickers)),)),
            data=DataSettings(source="store"),
            market=None,
        )
        e2e = []
        for _ in range(7):
            a = time.perf_counter()
            wide_snap = load_market(wide)
            e2e.append(time.perf_counter() - a)

        print(
            f"price store benchmark: {len(tickers)} tickers × {len(frame)} days "
            f"({frame.index[0]:%Y-%m-%d} .. {frame.index[-1]:%Y-%m-%d}), median of 7 runs"
        )
        print(f"  load from SQLite             {_ms(statistics.median(runs['load']))}")
        print(f"  data checks (spikes, gaps)   {_ms(statistics.median(runs['checks']))}")
        print(f"  Ledoit–Wolf, 756-day window  {_ms(statistics.median(runs['cov_lw_756']))}")
        print(f"  Ledoit–Wolf, full 20 years   {_ms(statistics.median(runs['cov_lw_full']))}")
        total = statistics.median(runs["total"])
        print(
            f"  total                        {_ms(total)}   (target ≤ 200 ms: {'OK' if total <= 0.2 else 'MISSED'})"
        )
        print(
            f"  load_market end to end      {_ms(statistics.median(e2e))}   ({wide_snap.price_source}, "
            f"{len(wide_snap.tickers)} tickers)"
        )
        print(f"  (one-off store write of {len(tickers) * len(frame):,} rows: {_ms(t_write).strip()})")
        print("offline first result (simulated demo data):")
        print(f"  engine imports               {_ms(t_import)}")
        print(f"  first load_market (cold)     {_ms(t_first)}   {snap.risk_window}")
        print(f"  next load_market (cached)    {_ms(t_again)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
