"""City mode on the desk side: the use cases reached over HTTPS through the city server, with the same
methods and return values as the in-process services, so a screen does not know which it calls."""

# The server's answers that mean this desk's session is over: sign in again. (Here, not in connection.py,
# so the screens can know them without loading the HTTPS client in embedded mode.)
SESSION_ENDED = frozenset({"unauthenticated", "session_expired", "session_revoked", "user_inactive"})
# The code of the error a call gives when the city server cannot be reached (`ServerUnavailable`).
SERVER_UNAVAILABLE = "server_unavailable"
