"""Device I/O: ID-card reader protocol, serial driver, simulator, scanners. No Qt."""
