"""The stated parameters of the simulated demo data (see ``engine.data.demo`` for the generator).

Volatilities, growth rates and the 13×13 correlation block of IWM, IWN, IWO, VB, VBR, VBK, IJR, SLY,
SPY, AGG, XLF, XLI and XLV are copied from the project's market facts (real daily adjusted prices,
2005-11-15 .. 2023-06-01). XLK, XLE, XLY, XLP and XLU were computed the same way from the same public
price files. VTWO and SPSM track the same indexes as IWM and IJR, so they mirror those two with a
correlation of 0.995. The price levels at the end date are round, plausible numbers, not real quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

SEED = 20261120
START = "2006-11-20"
END = "2026-11-20"
TAIL_DOF = 5.0  # Student-t degrees of freedom of the daily shocks (fat tails)
GARCH_ALPHA = 0.12  # how strongly yesterday's shock raises today's variance (volatility clustering)
GARCH_BETA = 0.86  # how slowly raised variance decays


@dataclass(frozen=True)
class AssetParams:
    ticker: str
    name: str
    vol: float  # annualized volatility of daily simple returns (0.25 = 25 %)
    cagr: float  # compound annual growth over the whole simulated history
    end_price: float  # price on the last simulated day (a plausible level, not a quote)
    group: str  # "small", "large", "sector" or "bond": how the crash episodes hit it
    clustering: float = 1.0  # exponent on the shared variance level (bonds react less)
    crash: float = 1.0  # multiplier on the episode moves of its group (defensive sectors fall less)


ASSETS: tuple[AssetParams, ...] = (
    AssetParams("IWM", "Russell 2000 (core)", 0.250, 0.074, 235.0, "small"),
    AssetParams("VTWO", "Russell 2000 (Vanguard)", 0.250, 0.075, 95.0, "small"),
    AssetParams("IWN", "Russell 2000 Value", 0.256, 0.063, 170.0, "small"),
    AssetParams("IWO", "Russell 2000 Growth", 0.254, 0.081, 300.0, "small"),
    AssetParams("VB", "CRSP US Small Cap", 0.238, 0.086, 250.0, "small"),
    AssetParams("VBR", "CRSP US Small Cap Value", 0.243, 0.079, 205.0, "small"),
    AssetParams("VBK", "CRSP US Small Cap Growth", 0.243, 0.089, 290.0, "small"),
    AssetParams("IJR", "S&P SmallCap 600", 0.243, 0.085, 115.0, "small"),
    AssetParams("SLY", "S&P 600 (SPDR)", 0.246, 0.089, 95.0, "small"),
    AssetParams("SPSM", "S&P 600 (SPDR Portfolio)", 0.243, 0.086, 45.0, "small"),
    AssetParams("SPY", "S&P 500", 0.200, 0.095, 660.0, "large"),
    AssetParams("AGG", "US aggregate bonds", 0.053, 0.031, 99.0, "bond", clustering=0.5),
    AssetParams("XLF", "Financials", 0.314, 0.035, 52.0, "sector", crash=1.5),
    AssetParams("XLK", "Technology", 0.226, 0.141, 280.0, "sector", crash=0.9),
    AssetParams("XLE", "Energy", 0.312, 0.057, 90.0, "sector", crash=1.1),
    AssetParams("XLV", "Health care", 0.174, 0.105, 140.0, "sector", crash=0.5),
    AssetParams("XLI", "Industrials", 0.220, 0.092, 150.0, "sector"),
    AssetParams("XLY", "Consumer discretionary", 0.225, 0.107, 230.0, "sector"),
    AssetParams("XLP", "Consumer staples", 0.146, 0.095, 80.0, "sector", crash=0.4),
    AssetParams("XLU", "Utilities", 0.192, 0.081, 85.0, "sector", crash=0.5),
)

TICKERS: tuple[str, ...] = tuple(a.ticker for a in ASSETS)

# Daily-return correlations of the real funds (order of _CORR_TICKERS); VTWO and SPSM are added below.
# fmt: off
_CORR_TICKERS = ["IWM", "IWN", "IWO", "VB", "VBR", "VBK", "IJR", "SLY", "SPY", "AGG", "XLF", "XLK", "XLE", "XLV", "XLI", "XLY", "XLP", "XLU"]
_CORR_ROWS: tuple[tuple[float, ...], ...] = (
    (1.00, 0.98, 0.98, 0.99, 0.97, 0.97, 0.98, 0.90, 0.90, -0.07, 0.82, 0.82, 0.72, 0.73, 0.87, 0.86, 0.67, 0.57),
    (0.98, 1.00, 0.93, 0.97, 0.98, 0.92, 0.98, 0.89, 0.88, -0.08, 0.85, 0.76, 0.73, 0.69, 0.87, 0.84, 0.67, 0.57),
    (0.98, 0.93, 1.00, 0.97, 0.93, 0.98, 0.95, 0.88, 0.89, -0.04, 0.76, 0.83, 0.68, 0.74, 0.84, 0.86, 0.64, 0.53),
    (0.99, 0.97, 0.97, 1.00, 0.98, 0.98, 0.98, 0.90, 0.93, -0.05, 0.84, 0.83, 0.74, 0.75, 0.90, 0.88, 0.69, 0.59),
    (0.97, 0.98, 0.93, 0.98, 1.00, 0.93, 0.98, 0.91, 0.91, -0.07, 0.87, 0.79, 0.75, 0.72, 0.90, 0.86, 0.69, 0.60),
    (0.97, 0.92, 0.98, 0.98, 0.93, 1.00, 0.94, 0.87, 0.91, -0.02, 0.77, 0.86, 0.69, 0.75, 0.86, 0.88, 0.65, 0.56),
    (0.98, 0.98, 0.95, 0.98, 0.98, 0.94, 1.00, 0.92, 0.89, -0.08, 0.82, 0.79, 0.73, 0.71, 0.88, 0.85, 0.67, 0.56),
    (0.90, 0.89, 0.88, 0.90, 0.91, 0.87, 0.92, 1.00, 0.82, -0.04, 0.74, 0.74, 0.70, 0.67, 0.84, 0.81, 0.62, 0.54),
    (0.90, 0.88, 0.89, 0.93, 0.91, 0.91, 0.89, 0.82, 1.00, -0.03, 0.85, 0.92, 0.75, 0.83, 0.91, 0.90, 0.78, 0.68),
    (-0.07, -0.08, -0.04, -0.05, -0.07, -0.02, -0.08, -0.04, -0.03, 1.00, -0.12, -0.03, -0.05, -0.00, -0.06, -0.05, -0.02, 0.10),
    (0.82, 0.85, 0.76, 0.84, 0.87, 0.77, 0.82, 0.74, 0.85, -0.12, 1.00, 0.71, 0.64, 0.64, 0.81, 0.77, 0.63, 0.52),
    (0.82, 0.76, 0.83, 0.83, 0.79, 0.86, 0.79, 0.74, 0.92, -0.03, 0.71, 1.00, 0.61, 0.73, 0.80, 0.85, 0.69, 0.57),
    (0.72, 0.73, 0.68, 0.74, 0.75, 0.69, 0.73, 0.70, 0.75, -0.05, 0.64, 0.61, 1.00, 0.56, 0.73, 0.60, 0.52, 0.52),
    (0.73, 0.69, 0.74, 0.75, 0.72, 0.75, 0.71, 0.67, 0.83, -0.00, 0.64, 0.73, 0.56, 1.00, 0.74, 0.71, 0.74, 0.62),
    (0.87, 0.87, 0.84, 0.90, 0.90, 0.86, 0.88, 0.84, 0.91, -0.06, 0.81, 0.80, 0.73, 0.74, 1.00, 0.84, 0.72, 0.61),
    (0.86, 0.84, 0.86, 0.88, 0.86, 0.88, 0.85, 0.81, 0.90, -0.05, 0.77, 0.85, 0.60, 0.71, 0.84, 1.00, 0.69, 0.55),
    (0.67, 0.67, 0.64, 0.69, 0.69, 0.65, 0.67, 0.62, 0.78, -0.02, 0.63, 0.69, 0.52, 0.74, 0.72, 0.69, 1.00, 0.71),
    (0.57, 0.57, 0.53, 0.59, 0.60, 0.56, 0.56, 0.54, 0.68, 0.10, 0.52, 0.57, 0.52, 0.62, 0.61, 0.55, 0.71, 1.00),
)
# fmt: on
MIRRORS = {"VTWO": ("IWM", 0.995), "SPSM": ("IJR", 0.995)}


def stated_correlation(a: str, b: str) -> float:
    """The correlation the generator aims for between two demo tickers."""
    if a == b:
        return 1.0
    ra, ka = MIRRORS.get(a, (a, 1.0))
    rb, kb = MIRRORS.get(b, (b, 1.0))
    if ra == rb:  # a mirror and its original
        return ka * kb
    return ka * kb * _CORR_ROWS[_CORR_TICKERS.index(ra)][_CORR_TICKERS.index(rb)]


@dataclass(frozen=True)
class Episode:
    """A market episode laid over the random path: a total log move spread evenly over its days, and a
    multiplier on volatility while it lasts. Moves are for the small-cap group; the other groups get
    ``large``, ``sector`` and ``bond`` moves."""

    name: str
    start: str
    end: str
    small: float
    large: float
    bond: float
    vol_mult: float

    def move(self, group: str) -> float:
        return {"small": self.small, "large": self.large, "sector": self.large, "bond": self.bond}[group]


EPISODES: tuple[Episode, ...] = (
    Episode("2007-09 credit crisis", "2007-10-10", "2008-09-12", -0.12, -0.10, 0.02, 1.3),
    Episode("2008-09 crash", "2008-09-15", "2009-03-09", -0.42, -0.36, 0.00, 2.4),
    Episode("2009 recovery", "2009-03-10", "2010-04-23", 0.70, 0.50, 0.05, 1.2),
    Episode("2011 debt-ceiling sell-off", "2011-07-22", "2011-10-03", -0.25, -0.15, 0.03, 1.8),
    Episode("2018 fourth-quarter sell-off", "2018-09-01", "2018-12-24", -0.22, -0.14, 0.00, 1.4),
    Episode("2020 March crash", "2020-02-20", "2020-03-18", -0.65, -0.48, -0.03, 3.0),
    Episode("2020 recovery", "2020-03-19", "2020-12-31", 0.75, 0.50, 0.05, 1.3),
    Episode("2022 rate rise", "2022-01-03", "2022-10-14", -0.10, -0.12, -0.15, 1.2),
    Episode("2025-04 tariff shock", "2025-04-01", "2025-04-08", -0.16, -0.11, -0.01, 2.6),
)
