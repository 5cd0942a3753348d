"""Station Desk: household-registration (户籍) work at police-station front desks and kiosks.

The core (`desk.domain`, `desk.store`, `desk.services`, `desk.devices`) imports no Qt; the user
interfaces (`desk.ui`, `desk.forms`, `kiosk`) call it.
"""

__version__ = "0.1.0"
