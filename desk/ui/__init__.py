"""Front-desk Qt user interface and the Qt adapters shared with the kiosk."""
