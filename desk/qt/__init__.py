"""Qt adapters shared by the desk and the kiosk: background tasks, the reader and scanner workers, the
print adapter, the app-wide event filters and the language switcher. No screens live here; `desk.ui`
and `kiosk` build theirs on these, and neither imports the other.
"""
