"""Yahoo Finance through yfinance: adjusted daily closes, latest prices and fund facts.

How yfinance 1.x behaves, and what this module does about it:

- ``yf.download`` returns MultiIndex columns (Price, Ticker) even for one ticker; we ask for
  ``auto_adjust=True`` explicitly, so "Close" is adjusted for splits and dividends.
- A ticker that fails comes back as all-NaN columns, without an exception; the reason is only logged
  (``['XYZ']: YFPricesMissingError(...)``). We listen to yfinance's logger during the call and report
  each failed ticker with its reason.
- Rate limiting (``YFRateLimitError``, HTTP 429) may hit some tickers of a batch or the whole call:
  we keep what came back, wait (2 s, 4 s, 8 s ...) and retry only the missing tickers, then say what is
  still missing.
- yfinance keeps a time-zone and cookie cache; it is pointed at Coresat's cache folder. yfinance makes
  its own session (it rejects caching sessions), so we never pass one.

The network is touched only when a method here is called; tests pass a fake ``download`` callable.
"""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from engine import paths
from engine.data.sources import Cancel, FetchResult, FundFacts, Progress
from engine.io.tickers import is_ticker

Download = Callable[..., Any]
_LOG_LINE = re.compile(r"^\s*\[(?P<tickers>[^\]]*)\]\s*:\s*(?P<reason>.+)$", re.S)
_RATE_LIMIT = ("YFRateLimitError", "Too Many Requests", "Rate limited", "429")
_TIMEOUT = ("Timeout", "timed out", "TimedOut")
_OFFLINE = (
    "ConnectionError",
    "Connection aborted",
    "Could not resolve",
    "Failed to connect",
    "Network is unreachable",
)
NO_CONNECTION = "no connection to Yahoo (offline?); check the network and try again"
NOT_A_TICKER = "not a ticker symbol; nothing was asked from Yahoo"
PROBE_HOST = ("query2.finance.yahoo.com", 443)
_cache_configured = False
_lock = threading.Lock()  # one yfinance download at a time (its logger is shared)


def configure_yfinance_cache() -> None:
    """Point yfinance's time-zone/cookie cache at Coresat's cache folder (once per process)."""
    global _cache_configured
    if _cache_configured:
        return
    import yfinance as yf

    folder = str(paths.cache_dir() / "yfinance")
    setter = getattr(yf, "set_tz_cache_location", None) or getattr(yf, "set_cache_location", None)
    if setter is not None:
        setter(folder)
    _cache_configured = True


class _ErrorCapture(logging.Handler):
    """Collects per-ticker failure reasons that yfinance logs instead of raising."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.reasons: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        m = _LOG_LINE.match(record.getMessage())
        if not m:
            return
        for t in re.findall(r"'([^']+)'", m.group("tickers")):
            self.reasons[t.strip().upper()] = m.group("reason").strip()


def _is_rate_limit(reason: str) -> bool:
    return any(k in reason for k in _RATE_LIMIT)


def _plain_reason(reason: str) -> str:
    if _is_rate_limit(reason):
        return "Yahoo is limiting requests (rate limit); try again in a few minutes"
    if any(k in reason for k in _TIMEOUT):
        return "Yahoo did not answer in time (network time-out); check the connection and try again"
    if any(k in reason for k in _OFFLINE):
        return NO_CONNECTION
    if "delisted" in reason or "no price data" in reason.lower() or "No data found" in reason:
        return "Yahoo has no prices for it (unknown or delisted ticker?); check the symbol"
    return f"Yahoo download failed ({reason[:120]})"


def yahoo_reachable(timeout: float = 3.0) -> bool:
    """True when a connection to Yahoo's API host can be opened (name resolves, port answers)."""
    try:
        with socket.create_connection(PROBE_HOST, timeout=timeout):
            return True
    except Exception:  # OSError offline; anything else (a sandbox guard) is not a connection either
        return False


def closes_from_download(frame: pd.DataFrame | None, tickers: Sequence[str]) -> dict[str, pd.Series]:
    """Adjusted closes per ticker from a ``yf.download`` frame (MultiIndex or flat columns); tickers
    whose column is missing or all-NaN are left out."""
    out: dict[str, pd.Series] = {}
    if frame is None or frame.empty:
        return out
    close: pd.DataFrame
    if isinstance(frame.columns, pd.MultiIndex):
        level0 = set(frame.columns.get_level_values(0))
        if "Close" in level0:
            sel = frame["Close"]
            close = sel if isinstance(sel, pd.DataFrame) else sel.to_frame(tickers[0])
        elif "Close" in set(frame.columns.get_level_values(1)):  # group_by="ticker"
            close = pd.DataFrame(frame.xs("Close", axis=1, level=1))
        else:
            return out
    elif "Close" in frame.columns and len(tickers) == 1:
        close = frame[["Close"]].set_axis([tickers[0]], axis=1)
    else:
        return out
    idx = pd.DatetimeIndex(close.index)
    if idx.tz is not None:
        idx = idx.tz_localize(None)
    idx = idx.normalize()
    for t in tickers:
        if t not in close.columns:
            continue
        s = pd.Series(close[t].to_numpy(dtype=np.float64), index=idx, name=t).dropna()
        s = s[s > 0]
        s = s[~s.index.duplicated(keep="last")]
        if not s.empty:
            out[t] = s
    return out


class YahooSource:
    """Price source backed by yfinance. ``download`` defaults to ``yfinance.download``."""

    name = "Yahoo"

    def __init__(
        self,
        *,
        download: Download | None = None,
        ticker_factory: Callable[[str], Any] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retries: int = 3,
        base_delay: float = 2.0,
        batch_size: int = 25,
        timeout: float = 20.0,
        probe: Callable[[], bool] = yahoo_reachable,
    ) -> None:
        self._download = download
        self._ticker_factory = ticker_factory
        self._sleep = sleep
        self.retries = retries
        self.base_delay = base_delay
        self.batch_size = batch_size
        self.timeout = timeout
        self._probe = probe

    def _dl(self) -> Download:
        if self._download is None:
            import yfinance as yf

            configure_yfinance_cache()
            self._download = yf.download
        return self._download

    def _call(self, tickers: list[str], **kwargs: Any) -> tuple[dict[str, pd.Series], dict[str, str]]:
        """One download call; returns closes that came back and failure reasons of the rest."""
        capture = _ErrorCapture()
        logger = logging.getLogger("yfinance")
        with _lock:
            logger.addHandler(capture)
            try:
                # yfinance's own deprecation warnings (pandas 3) are not the user's concern: on the
                # command line they printed six lines of stderr around the one line that matters.
                # Resolved first: importing yfinance adds a "default" filter in front of any "ignore".
                download = self._dl()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    frame = download(
                        tickers,
                        auto_adjust=True,
                        actions=False,
                        progress=False,
                        threads=True,
                        group_by="column",
                        multi_level_index=True,
                        timeout=self.timeout,
                        **kwargs,
                    )
            except Exception as exc:  # yfinance raises a variety of errors for whole-call failures
                return {}, dict.fromkeys(tickers, f"{type(exc).__name__}({exc})")
            finally:
                logger.removeHandler(capture)
        got = closes_from_download(frame, tickers)
        failed = {t: capture.reasons.get(t, "no data returned") for t in tickers if t not in got}
        return got, failed

    def fetch_history(
        self,
        tickers: Sequence[str],
        start: date | None = None,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> FetchResult:
        asked = list(dict.fromkeys(t.strip().upper() for t in tickers if t.strip()))
        wanted = [t for t in asked if is_ticker(t)]  # "../../etc" never reaches a Yahoo URL
        refused = {t: NOT_A_TICKER for t in asked if t not in wanted}
        kwargs: dict[str, Any] = {"start": start.isoformat()} if start is not None else {"period": "max"}
        kwargs["end"] = (date.today() + timedelta(days=1)).isoformat()
        got: dict[str, pd.Series] = {}
        reasons: dict[str, str] = {}
        notes: list[str] = []
        todo = wanted
        for attempt in range(self.retries + 1):
            retry: list[str] = []
            for i in range(0, len(todo), self.batch_size):
                if cancel is not None and cancel():
                    return self._result(got, reasons, wanted, notes, cancelled=True, refused=refused)
                batch = todo[i : i + self.batch_size]
                if progress is not None:
                    progress(
                        f"Downloading {', '.join(batch[:4])}{' ...' if len(batch) > 4 else ''} from Yahoo",
                        len(got) / max(len(wanted), 1),
                    )
                ok, failed = self._call(batch, **kwargs)
                got.update(ok)
                for t, why in failed.items():
                    reasons[t] = why
                    if _is_rate_limit(why) or any(k in why for k in _TIMEOUT):
                        retry.append(t)
            for t in got:
                reasons.pop(t, None)
            if not retry or attempt == self.retries:
                break
            delay = self.base_delay * 2**attempt
            notes.append(f"Yahoo limited or timed out {len(retry)} ticker(s); retried after {delay:g} s")
            if not self._wait(delay, cancel):
                return self._result(got, reasons, wanted, notes, cancelled=True, refused=refused)
            todo = retry
        return self._result(got, reasons, wanted, notes, cancelled=False, refused=refused)

    def _wait(self, delay: float, cancel: Cancel | None) -> bool:
        """Sleep ``delay`` seconds, in short steps when the caller may cancel; False if cancelled."""
        if cancel is None:
            self._sleep(delay)
            return True
        left = delay
        while left > 0:
            if cancel():
                return False
            step = min(0.25, left)
            self._sleep(step)
            left -= step
        return not cancel()

    def _result(
        self,
        got: dict[str, pd.Series],
        reasons: dict[str, str],
        wanted: list[str],
        notes: list[str],
        *,
        cancelled: bool,
        refused: dict[str, str] | None = None,
    ) -> FetchResult:
        frame = pd.concat(got, axis=1, sort=True) if got else pd.DataFrame(index=pd.DatetimeIndex([]))
        frame.index.name = "Date"
        failed = {t: _plain_reason(reasons.get(t, "no data returned")) for t in wanted if t not in got}
        # Offline, yfinance reports valid tickers as "possibly delisted; no timezone found": when nothing
        # at all came back, ask whether Yahoo can be reached before blaming the tickers.
        blamed = [
            t for t, r in failed.items() if r.startswith(("Yahoo has no prices", "Yahoo download failed"))
        ]
        if blamed and not got and not cancelled and not self._probe():
            failed.update(dict.fromkeys(blamed, NO_CONNECTION))
        if cancelled:
            failed = {t: "download cancelled" for t in wanted if t not in got}
        failed.update(refused or {})
        if failed and not cancelled:
            notes = [*notes, "missing from Yahoo: " + "; ".join(f"{t}: {why}" for t, why in failed.items())]
        return FetchResult(frame, failed, tuple(notes), cancelled)

    def latest_prices(self, tickers: Sequence[str]) -> tuple[dict[str, float], dict[str, str]]:
        """Last close per ticker over the past few days (for valuing holdings) and failures."""
        asked = list(dict.fromkeys(t.strip().upper() for t in tickers))
        got, failed = (
            self._call([t for t in asked if is_ticker(t)], period="5d")
            if any(map(is_ticker, asked))
            else ({}, {})
        )
        failed.update({t: NOT_A_TICKER for t in asked if not is_ticker(t)})
        return {t: float(s.iloc[-1]) for t, s in got.items()}, {
            t: r if r == NOT_A_TICKER else _plain_reason(r) for t, r in failed.items()
        }

    def fund_facts(self, ticker: str) -> FundFacts:
        """Name, expense ratio and category where Yahoo has them (all None when it does not)."""
        if not is_ticker(ticker):
            return FundFacts(ticker)
        try:
            if self._ticker_factory is None:
                import yfinance as yf

                configure_yfinance_cache()
                self._ticker_factory = yf.Ticker
            info = dict(self._ticker_factory(ticker).info or {})
        except Exception:  # facts are optional; a failure must not stop anything
            return FundFacts(ticker)
        exp: float | None = None
        net = info.get("netExpenseRatio")  # in percent (0.19 = 0.19 %)
        annual = info.get("annualReportExpenseRatio")  # a fraction (0.0019)
        if isinstance(net, int | float) and np.isfinite(net):
            exp = float(net) / 100.0
        elif isinstance(annual, int | float) and np.isfinite(annual):
            exp = float(annual)
        name = info.get("longName") or info.get("shortName")
        cat = info.get("category")
        return FundFacts(ticker, str(name) if name else None, exp, str(cat) if cat else None)
