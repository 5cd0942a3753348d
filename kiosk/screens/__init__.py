"""The kiosk's screens, one module each; `KioskWindow` stacks them and `KioskFlow` moves between them."""
