"""Plain-Python domain: catalog, ID numbers, working days, case workflow, roles. No Qt, no SQL."""
