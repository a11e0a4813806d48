"""Self-test checks of the engine side: solvers, bundled data, price store, rebalance, Yahoo client."""

from __future__ import annotations

import contextlib
import importlib
import json
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from gui.selftest.base import CheckFailed, as_file, need

# Projection of A onto the probability simplex: the answer is known in closed form.
_A = (0.6, 0.3, -0.2)
_EXPECTED = (0.65, 0.35, 0.0)


def _solve_tiny(solver: str) -> str:
    with contextlib.suppress(Exception):  # import cvxpy the way the app does (the rebalance check reports
        importlib.import_module("engine.optimize")  # any failure of the optimizer itself)
    cp = need("cvxpy", "cvxpy is a core dependency")
    np = need("numpy", "numpy is a core dependency")
    installed = cp.installed_solvers()
    if solver not in installed:
        raise CheckFailed(f"cvxpy does not see {solver} (it sees {', '.join(installed) or 'none'})")
    x = cp.Variable(3)
    prob = cp.Problem(cp.Minimize(cp.sum_squares(x - np.array(_A))), [cp.sum(x) == 1, x >= 0])
    t0 = time.perf_counter()
    try:
        prob.solve(solver=solver)
    except Exception as exc:  # a frozen build missing a backend fails here
        raise CheckFailed(f"{solver} could not solve a 3-variable QP: {type(exc).__name__}: {exc}") from None
    ms = (time.perf_counter() - t0) * 1000
    if prob.status != "optimal" or x.value is None:
        raise CheckFailed(f"{solver} returned status {prob.status!r} on a problem with a known optimum")
    got = [float(v) for v in x.value]
    err = max(abs(g - e) for g, e in zip(got, _EXPECTED, strict=True))
    if err > 2e-3:
        raise CheckFailed(f"{solver} answer {got} is off the known optimum {list(_EXPECTED)} by {err:.1e}")
    shown = ", ".join(f"{0.0 if abs(v) < 5e-4 else v:.3f}" for v in got)  # no "-0.000"
    return f"x=[{shown}] optimal in {ms:.0f} ms"


def check_clarabel(_tmp: Path) -> str:
    clarabel = need("clarabel", "needed by cvxpy")
    return f"{_solve_tiny('CLARABEL')} (clarabel {getattr(clarabel, '__version__', '?')})"


def check_osqp(_tmp: Path) -> str:
    osqp = need("osqp", "needed by cvxpy")
    try:
        algebras = osqp.algebras_available()
    except RuntimeError:  # "No algebra backend available!"
        algebras = []
    if not algebras:  # the classic frozen-build trap: osqp.ext_builtin not bundled
        raise CheckFailed("OSQP has no algebra backend (osqp.ext_builtin missing from the bundle)")
    return f"{_solve_tiny('OSQP')} (osqp {osqp.__version__}, algebras: {', '.join(algebras)})"


def check_piqp(_tmp: Path) -> str:
    """PIQP solves the household tie-break QP (engine.optimize.fastqp); its SIMD build is loaded by name at
    run time, the kind of module a frozen bundle can miss."""
    piqp = need("piqp", "the household tie-break solver")
    return f"{_solve_tiny('PIQP')} (piqp {getattr(piqp, '__version__', '?')})"


def check_scs(_tmp: Path) -> str:
    scs = need("scs", "needed by cvxpy")
    return f"{_solve_tiny('SCS')} (scs {getattr(scs, '__version__', '?')})"


# ---- bundled resources, demo data, price store -------------------------------------------------------


def check_resources(_tmp: Path) -> str:
    """Every bundled example scenario is present and parses."""
    res = need("engine.resources", "the resource accessor")
    scenario_file = need("engine.model.scenario_file", "the scenario file format")
    names = res.examples()
    if not names:
        raise CheckFailed("no example scenarios found in the bundled resources/examples folder")
    for name in names:
        try:
            scenario_file.loads(res.read_text("examples", name), source=name)
        except Exception as exc:
            raise CheckFailed(f"bundled example {name} does not load: {exc}") from None
    return f"{len(names)} example scenarios load ({', '.join(names)})"


def check_demo_data(_tmp: Path) -> str:
    """The simulated demo prices load through the data layer."""
    demo = need("engine.data.demo", "the data layer provides the demo prices")
    loader = getattr(demo, "load_demo_prices", None)
    if loader is None:
        raise CheckFailed("engine.data.demo has no load_demo_prices(); the self-test needs updating")
    prices = loader()
    if prices is None or len(prices) == 0 or len(prices.columns) == 0:
        raise CheckFailed("the demo price table is empty")
    if prices.isna().all().any():
        empty = [str(c) for c in prices.columns if prices[c].isna().all()]
        raise CheckFailed(f"demo prices have empty columns: {', '.join(empty)}")
    first, last = (f"{d:%Y-%m-%d}" for d in (prices.index[0], prices.index[-1]))
    return f"{len(prices.columns)} tickers x {len(prices)} days ({first} .. {last})"


def check_price_store(tmp: Path) -> str:
    """Write prices to a store in a temp folder, read them back, compare."""
    store_mod = need("engine.data.store", "the SQLite price store")
    pd = need("pandas", "pandas is a core dependency")
    idx = pd.bdate_range("2024-01-02", periods=5)
    written = [200.0, 201.5, 199.25, 202.0, 203.75]
    store = store_mod.PriceStore(tmp / "selftest-prices.sqlite")
    n = store.write(pd.DataFrame({"IWM": written}, index=idx), "self-test")
    back = store.load(["IWM"])
    values = [float(v) for v in back["IWM"]] if "IWM" in back.columns else []
    if n != len(written) or values != written or list(back.index) != list(idx):
        raise CheckFailed(f"wrote {written} ({n} stored) but read back {values}")
    return f"wrote and read back {len(values)} prices ({store.path.name}, SQLite {_sqlite_version()})"


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def check_rebalance(_tmp: Path) -> str:
    """Load a bundled example and rebalance it on the demo data, end to end."""
    api = need("engine.api", "the engine entry points")
    res = need("engine.resources", "the resource accessor")
    names = res.examples()
    if not names:
        raise CheckFailed("no bundled example scenario to rebalance")
    name = names[0]
    with as_file(res.path("examples", name)) as path:
        try:
            result = api.rebalance_file(path, force_demo=True)
        except Exception as exc:
            raise CheckFailed(f"rebalancing {name} failed: {type(exc).__name__}: {exc}") from None
    status = str(getattr(result.status, "value", result.status))
    if status not in ("ok", "no_trades_needed"):
        raise CheckFailed(f"rebalancing {name} on the demo data ended with status {status!r}")
    # as the client book stores it (orjson, a compiled module the bundle must carry)
    stored = need("engine.book.result_text", "the stored result's encoder").result_text(result)
    if json.loads(stored).get("vol_after") != result.vol_after:
        raise CheckFailed("the stored result does not read back to the same figures")
    return (
        f"{name}: {status}, {result.n_trades} trades, volatility {result.vol_before:.1%} -> "
        f"{result.vol_after:.1%} ({result.assumptions.price_source}); stored as {len(stored) / 1000:.1f} kB"
    )


# ---- GUI stack and network library ------------------------------------------------------------------


@contextlib.contextmanager
def _no_network() -> Iterator[list[str]]:
    """Record (and refuse) any socket connection opened inside the block."""
    attempts: list[str] = []
    real_connect, real_create = socket.socket.connect, socket.create_connection

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[1:] or args))
        raise OSError("the self-test does not use the network")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    try:
        yield attempts
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.create_connection = real_create


def check_yfinance_session(tmp: Path) -> str:
    """Set up yfinance as a price refresh does and create a Ticker, with the network refused.

    yfinance builds its own curl_cffi session when a Ticker is created (Coresat never passes one); this
    proves the HTTP client's native library loads, and that nothing is fetched before a refresh asks.
    """
    yf = need("yfinance", "Yahoo price downloads")
    curl = need("curl_cffi.requests", "yfinance's HTTP client")
    yahoo = need("engine.data.yahoo", "the Yahoo price source")
    requests_made: list[str] = []
    real_request = curl.Session.request

    def refuse_request(self: object, method: str, url: str, *args: object, **kwargs: object) -> None:
        requests_made.append(f"{method} {url}")
        raise OSError("the self-test does not use the network")

    with _no_network() as attempts:
        curl.Session.request = refuse_request
        try:
            yahoo.configure_yfinance_cache()
            yahoo.YahooSource()
            ticker = yf.Ticker("IWM")
        finally:
            curl.Session.request = real_request
    if requests_made or attempts:
        raise CheckFailed(f"creating a Ticker touched the network: {requests_made or attempts}")
    if ticker.ticker != "IWM":
        raise CheckFailed(f"yfinance.Ticker('IWM') came back as {ticker.ticker!r}")
    if not isinstance(ticker.session, curl.Session):
        raise CheckFailed(
            f"yfinance fell back to a {type(ticker.session).__module__} session: curl_cffi did not load"
        )
    curl_version = getattr(sys.modules.get("curl_cffi"), "__version__", "?")
    return f"Ticker('IWM') on a curl_cffi {curl_version} session, no request made (yfinance {yf.__version__})"
