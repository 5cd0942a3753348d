"""Form engine: turns catalog fields into Qt widgets with live validation."""
