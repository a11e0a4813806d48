"""Batch rebalancing of the whole client book: plan (plan.py), run here, on local worker processes or on
a Dask cluster (run.py, work.py), and store the results as draft proposals (rebalance.py):

    from engine.batch.rebalance import rebalance_book
    report = rebalance_book(Book.open(), Executor(workers=2))

Kept import-free so that ``coresat --help`` does not load the optimizer or the database layer.
"""
