"""load_market: prices and a risk model for a scenario, from the source its data settings name.

Sources (``scenario.data.source``):
- ``auto``: the local price store when it has every ticker, else the bundled simulated demo data;
- ``demo``: the bundled simulated demo data;
- ``store``: the local price store only (offline);
- ``yahoo``: update the store from Yahoo (only the missing days), then use it. The only source that
  touches the network.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import numpy as np
import pandas as pd

from engine.data.checks import CheckedPrices, check_prices
from engine.data.demo import DEMO_LABEL, demo_tickers, load_demo_prices
from engine.data.exclusions import without_history
from engine.data.proxies import NoHistory, loaded_tickers, with_proxies
from engine.data.sources import Cancel, PriceSource, Progress
from engine.data.store import PriceStore
from engine.errors import DataError
from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.risk.covariance import describe_estimator, estimate_covariance

SOURCES = ("auto", "demo", "store", "yahoo")
MIN_RETURNS = 60
STALE_DAYS = 7
# where a snapshot's prices came from (MarketSnapshot.price_source; the store's gets " as of <date>")
STORE_LABEL = "price store"
YAHOO_LIVE_LABEL = "Yahoo live"
YAHOO_PARTLY_LABEL = "Yahoo, partly from the price store"


def _say(progress: Progress | None, message: str, fraction: float) -> None:
    if progress is not None:
        progress(message, fraction)


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise DataError("loading market data was cancelled")


_NAMES_SHOWN = 12


def _names(tickers: Sequence[str], limit: int = _NAMES_SHOWN) -> str:
    """The tickers, at most a dozen of them (a message stays one readable line for 19,000 missing)."""
    if len(tickers) <= limit:
        return ", ".join(tickers)
    return f"{', '.join(tickers[:limit])} and {len(tickers) - limit:,} more"


@functools.cache
def _checked_demo() -> CheckedPrices:
    return check_prices(load_demo_prices())


def _demo(tickers: Sequence[str]) -> CheckedPrices:
    missing = [t for t in tickers if t not in demo_tickers()]
    if missing:
        raise NoHistory(
            f"no demo prices for {_names(missing)}: the simulated demo data covers {_names(demo_tickers(), 50)}; "
            "import a CSV price file for it or set the data source to Yahoo",
            missing,
        )
    return _checked_demo().select(tickers)


def _from_store(
    store: PriceStore, tickers: Sequence[str], failed: dict[str, str] | None = None
) -> CheckedPrices:
    frame = store.load(tickers)
    missing = [t for t in tickers if t not in frame.columns or not frame[t].notna().any()]
    if missing:
        why = "; ".join(f"{t}: {failed[t]}" for t in missing[:_NAMES_SHOWN] if failed and t in failed)
        raise NoHistory(
            f"no stored prices for {_names(missing)}"
            + (f" ({why})" if why else "")
            + ": import a CSV price file or update prices from Yahoo",
            missing,
        )
    return check_prices(frame[list(tickers)])


def load_market(
    scenario: Scenario,
    *,
    force_demo: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    store: PriceStore | None = None,
    yahoo: PriceSource | None = None,
) -> MarketSnapshot:
    """Prices, annualized covariance and price history for ``scenario.universe``.

    ``store`` and ``yahoo`` replace the default price store and Yahoo source (tests pass fakes).
    DataError names any ticker without data and says what to do.
    """
    universe = tuple(scenario.universe)
    if not universe:
        raise DataError("the scenario has no tickers: add holdings or target sleeves")
    from engine.io.capacity import check_fits

    check_fits(len(universe))  # before any price is read: the covariance alone is n² numbers
    settings = scenario.data
    modelled = tuple(t for t in universe if t not in settings.exclude_from_risk)  # the user's exclusions
    if not modelled:
        raise DataError("every ticker is left out of the risk model: keep at least one with price history")
    tickers = loaded_tickers(modelled, settings.proxies)  # a proxied ticker's fund instead of it
    source = "demo" if force_demo else str(settings.source).strip().lower()
    if source not in SOURCES:
        raise DataError(f"data source {settings.source!r} is unknown: use one of {', '.join(SOURCES)}")
    store = store if store is not None else PriceStore()
    notes: list[str] = []
    _say(progress, "Reading prices", 0.05)
    if source == "auto":
        try:
            source = "store" if store.exists() and store.has_all(tickers) else "demo"
        except DataError as exc:
            notes.append(f"{exc}; using the simulated demo data instead")
            source = "demo"
    if source == "demo":
        checked, label = _demo(tickers), DEMO_LABEL
    elif source == "store":
        checked = _from_store(store, tickers)
        label = STORE_LABEL
    else:
        from engine.data.yahoo import YahooSource

        report = store.update(
            yahoo if yahoo is not None else YahooSource(), tickers, progress=progress, cancel=cancel
        )
        _check_cancel(cancel)
        if report.cancelled:
            kept = [t for t in tickers if t in store.tickers()]
            raise DataError(
                "the price download was cancelled"
                + ("; the stored prices were kept" if kept else "; no prices were stored")
            )
        notes.extend(report.notes)
        checked = _from_store(store, tickers, dict(report.failed))
        label, said = _yahoo_label(tickers, report.updated, report.refetched, report.unchanged, report.failed)
        notes.extend(said)
    _check_cancel(cancel)
    _say(progress, "Estimating risk", 0.7)
    snap = with_proxies(build_snapshot(checked, tickers, scenario, label, notes), modelled, settings.proxies)
    snap = without_history(snap, universe, settings.exclude_from_risk)
    _say(progress, "Market data ready", 1.0)
    return snap


def _yahoo_label(
    tickers: Sequence[str],
    updated: Sequence[str],
    refetched: Sequence[str],
    unchanged: Sequence[str],
    failed: Mapping[str, str],
) -> tuple[str, list[str]]:
    """Where the prices of a Yahoo update really came from, in words that match it."""
    live = set(updated) | set(refetched)
    stored = [t for t in tickers if t not in live]
    notes = [f"{t}: not updated ({failed[t]}); using its stored prices" for t in tickers if t in failed]
    if not stored:
        return YAHOO_LIVE_LABEL, notes
    if len(stored) == len(tickers):
        if failed and len(set(failed.values())) == 1 and all(t in failed for t in tickers):
            notes = [f"Yahoo was not reached ({next(iter(failed.values()))}); every price is from the store"]
        elif set(stored) <= set(unchanged):
            notes.append("the stored prices were updated less than a day ago; nothing was downloaded")
        return STORE_LABEL, notes
    return YAHOO_PARTLY_LABEL, notes


def _common_span(prices: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp, list[str]]:
    firsts = {str(t): pd.Timestamp(str(prices[t].first_valid_index())) for t in prices.columns}
    lasts = {str(t): pd.Timestamp(str(prices[t].last_valid_index())) for t in prices.columns}
    start, end = max(firsts.values()), min(lasts.values())
    notes: list[str] = []
    latest = max(lasts.values())
    for t, d in lasts.items():
        if d < latest - timedelta(days=5):
            notes.append(
                f"{t}: prices end {d:%Y-%m-%d}, before the others ({latest:%Y-%m-%d}); "
                "every figure uses data up to that day only"
            )
    earliest = min(firsts.values())
    if start > earliest + timedelta(days=5):
        late = [t for t, d in firsts.items() if d == start]
        notes.append(
            f"{_names(late)}: history starts {start:%Y-%m-%d}, later than the others; "
            "the common history starts there"
        )
    return start, end, notes


LAST_DAY_JUMP = 3.0  # a fund's close does not triple or fall by two thirds in one day


def _drop_last_day_jump(common: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A last-day close ×3 (or more) away from the day before is a bad print until a later day confirms
    it: the last day is left out (every figure uses the day before) and said, never used silently."""
    if len(common) < 3:
        return common, []
    last, prev = common.iloc[-1], common.iloc[-2]
    ratio = (last / prev).to_numpy(dtype=np.float64)
    bad = [
        (str(t), float(last[t]), float(prev[t]), float(r))
        for t, r in zip(common.columns, ratio, strict=True)
        if np.isfinite(r) and (r >= LAST_DAY_JUMP or r <= 1.0 / LAST_DAY_JUMP)
    ]
    if not bad:
        return common, []
    day, before = pd.Timestamp(common.index[-1]), pd.Timestamp(common.index[-2])
    notes = [
        f"{t}: the last close ({day:%Y-%m-%d}: {px:,.2f}) is {r:.3g}× the day before ({before:%Y-%m-%d}: "
        f"{p0:,.2f}), which looks like a bad price; {before:%Y-%m-%d} is used as the latest day — "
        "check it and update the prices"
        for t, px, p0, r in bad
    ]
    return common.iloc[:-1], notes


def build_snapshot(
    checked: CheckedPrices, tickers: Sequence[str], scenario: Scenario, label: str, notes: Sequence[str] = ()
) -> MarketSnapshot:
    """Common window, covariance and snapshot from cleaned prices."""
    settings = scenario.data
    warnings = list(notes) + list(checked.warnings)
    start, end, span_notes = _common_span(checked.prices)
    warnings.extend(span_notes)
    if start > end:
        raise DataError(f"the price histories of {_names(tickers)} do not overlap: check the price files")
    common = checked.prices.loc[start:end].dropna(how="any")
    common, jump_notes = _drop_last_day_jump(common)
    warnings.extend(jump_notes)
    n_ret = len(common) - 1
    if n_ret < MIN_RETURNS:
        raise DataError(
            f"only {max(n_ret, 0)} trading days of history in common for {_names(tickers)}: at least "
            f"{MIN_RETURNS} are needed; add longer price history or remove the newest fund"
        )
    want = settings.risk_window_days
    if n_ret < want:
        warnings.append(
            f"only {n_ret} trading days in common, fewer than the {want} asked for; "
            "the covariance uses all of them"
        )
    window = common.iloc[-(min(want, n_ret) + 1) :]
    values = window.to_numpy(dtype=np.float64)
    returns = values[1:] / values[:-1] - 1.0
    half_life = float(settings.ewma_half_life_days)
    cov = estimate_covariance(returns, settings.estimator, half_life=half_life)
    as_of = pd.Timestamp(common.index[-1]).date()
    if label == STORE_LABEL:
        label = f"{STORE_LABEL} as of {as_of:%Y-%m-%d}"
    age = (date.today() - as_of).days
    if label != DEMO_LABEL and age > STALE_DAYS:  # every real-data path: store, Yahoo, partly either
        warnings.append(
            f"prices end {as_of:%Y-%m-%d}, {age} days ago; update them from Yahoo "
            "or import newer price files for current values"
        )
    last = common.iloc[-1]
    return MarketSnapshot(
        tickers=tuple(tickers),
        prices={t: float(last[t]) for t in tickers},
        covariance=cov,
        as_of=as_of,
        price_source=label,
        risk_window=f"{len(returns)} trading days, {window.index[0]:%Y-%m-%d} .. {window.index[-1]:%Y-%m-%d}",
        estimator=describe_estimator(settings.estimator, half_life=half_life),
        history=common,
        warnings=tuple(dict.fromkeys(warnings)),
    )
