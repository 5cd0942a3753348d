"""Repositories: the queries of one aggregate each (cases, citizens, the queue, the audit chain …).

A use case opens a unit of work (`Store.write()` / `Store.read()`, one transaction) and hands its
session to the repositories it needs; the repositories hold every `select`, `insert` and `update`,
so the use cases say *what* they decide and never *how* rows are found. A repository returns model
rows or plain values, never opens a transaction of its own and never commits.

The shape, the same in every module (`users.py` is the example):

- one module per aggregate, named after it, holding one small class `<Aggregate>Repository` — a frozen
  dataclass over the `Session` it is handed: `UserRepository(session).by_username("li")`;
- method names say what is found (`by_number`, `of_station`, `count`), `get(key)` for the primary key
  and `add(row)` for a new row (it flushes when the caller needs the row's id);
- a use case may change the fields of a row a repository returned: the unit of work writes them at
  commit, as before; every read, every new row and every bulk `update`/`insert` goes through a repository;
- dialect-specific statements (upserts, `COPY`, `ON CONFLICT`) live in the repository, which asks the
  session's dialect; the tuned statements of the performance work (bounded, aggregated in SQL, on
  indexes) move here unchanged.

The modules: `users.py`, `stations.py`, `server_sessions.py` (the city server's sessions and
throttles), `cases.py`, `documents.py` (the register of issued papers), `citizen_lookup.py` (citizens
as cases, papers and verifications find them), `kiosks.py`, `counters.py` (the day counters behind
case numbers, tickets and serials), `audit_chain.py` (the audit log's storage; hashing and verifying
stay in `desk/services/audit.py`), `report_figures.py` (the day's and the month's figures),
`bulk_load.py` (the demo city's COPY); the hall's and the law's: `followups.py`, `ratings.py`, `online.py`,
`queue.py`, `bundles.py`, `clocks.py`, `notices.py`, `citizens.py`, `chain_follow_ups.py`, `city_lookups.py`,
`user_photos.py`. The clerk's search by typed text is `desk/store/citizen_search.py`.
"""
