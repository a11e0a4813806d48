"""What the Look-through limits box shows, without Qt: the scenario's look-through limits as rows, the
fund data read into an exposure model (on a worker), and a result's weights in the model's order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from engine.data.funds import FundFetch
from engine.model.scenario import Scenario
from engine.result import RebalanceResult

if TYPE_CHECKING:
    from engine.risk.exposures import ExposureModel

FundLoader = Callable[[Sequence[str]], FundFetch]
# constraints field -> engine.risk.exposures kind; the field is also the limit's name in the result
# (``LimitKind`` value: a binding is named "sector_max:Financials"; engine.optimize is not imported here,
# it pulls cvxpy and pandas into the window's start-up)
FIELDS: dict[str, str] = {"sector_max": "sector", "sector_min": "sector", "company_max": "company"}


def default_loader(tickers: Sequence[str]) -> FundFetch:
    """The fund cache in the local store, then the bundled snapshot, as the optimizer and the Exposure tab
    read them (worker thread)."""
    from engine.data.fund_store import FundStore
    from engine.data.funds import load_funds

    return load_funds(tickers, store=FundStore())


def build(tickers: Sequence[str], loader: FundLoader) -> ExposureModel:
    """The look-through model of ``tickers`` (worker thread; reads the fund data)."""
    from engine.risk.exposures import build_model

    return build_model(tickers, loader(tickers).funds)


def rows_of(sc: Scenario) -> list[tuple[str, str, float]]:
    """(field, subject, bound) of every look-through limit in the scenario, in a stable order."""
    c = sc.constraints
    out = [("sector_max", s, v) for s, v in c.sector_max.items()]
    out += [("sector_min", s, v) for s, v in c.sector_min.items()]
    out += [("company_max", s, v) for s, v in c.company_max.items()]
    return out


def weights(result: RebalanceResult, tickers: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The result's weights before and after the trades, in ``tickers`` order."""
    before = {a.ticker: a.weight_before for a in result.assets}
    after = {a.ticker: a.weight_after for a in result.assets}
    return (
        np.array([before.get(t, 0.0) for t in tickers]),
        np.array([after.get(t, 0.0) for t in tickers]),
    )
