"""The rebalancing optimizer (cvxpy): built once per universe and constraint shape, re-solved with new
parameter values; whole-share post-processing; the result checker; explanations."""

from engine.optimize._cvxpy_import import import_cvxpy

import_cvxpy()  # before any submodule imports cvxpy: skips scipy.stats at start-up

from engine.optimize.frontier import frontier  # noqa: E402
from engine.optimize.rebalancer import rebalance  # noqa: E402

__all__ = ["frontier", "rebalance"]
