"""Use cases: each one transaction against the store, audited. No Qt."""
