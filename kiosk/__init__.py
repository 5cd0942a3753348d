"""Self-service kiosk for unmanned micro police stations (Qt)."""
