"""Repositories: the queries of one aggregate each (cases, citizens, the queue, the audit chain …).

A use case opens a unit of work (`Store.write()` / `Store.read()`, one transaction) and hands its
session to the repositories it needs; the repositories hold every `select`, `insert` and `update`,
so the use cases say *what* they decide and never *how* rows are found. A repository returns model
rows or plain values, never opens a transaction of its own and never commits.
"""
