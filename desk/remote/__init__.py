"""City mode on the desk side: the use cases reached over HTTPS through the city server, with the same
methods and return values as the in-process services, so a screen does not know which it calls."""
