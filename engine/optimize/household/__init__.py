"""Households: one set of targets, trades per account (see :mod:`.run`)."""

from engine.optimize.household.run import rebalance_household

__all__ = ["rebalance_household"]
