"""The rebalancing optimizer (cvxpy): built once per universe and constraint shape, re-solved with new
parameter values; whole-share post-processing; the result checker; explanations."""

from engine.optimize.frontier import frontier
from engine.optimize.rebalancer import rebalance

__all__ = ["frontier", "rebalance"]
