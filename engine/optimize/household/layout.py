"""The shape and the per-solve values of one household problem (engine.optimize.household.joint), and
its answer."""

from __future__ import annotations

from dataclasses import dataclass

from engine.market import FloatArray


@dataclass(frozen=True)
class Layout:
    """The structure of one household problem: accounts × tickers and which (account, ticker) each lot
    belongs to (``j = a * n + t``)."""

    n_accounts: int
    n: int
    lot_owner: tuple[int, ...]

    @property
    def m(self) -> int:
        return self.n_accounts * self.n


@dataclass(frozen=True, eq=False)
class AccountParams:
    """Per-solve values, weights of the household value: bounds, cash room, extra costs per weight."""

    buy_ub: FloatArray  # [m]
    sell_ub: FloatArray  # [m]
    lot_ub: FloatArray  # [L]
    room: FloatArray  # [accounts]
    buy_cost: FloatArray  # [m] asset-location cost per weight bought
    sell_cost: FloatArray  # [m] placeholder tax per weight sold (taxable positions without lots)
    lot_cost: FloatArray  # [L] estimated tax per weight sold from each lot


@dataclass(frozen=True)
class JointSolution:
    status: str
    buys: FloatArray  # [accounts, n] weights
    sells: FloatArray
    lots: FloatArray  # [L]
    tie_broken: bool = False  # the account split came from the tie-break stage

    @property
    def ok(self) -> bool:
        return self.status in ("optimal", "optimal_inaccurate")
