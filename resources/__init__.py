"""Station Desk's shipped data, installed as the package `desk.resources` (see setup.py and desk/paths.py).

Data over code: the catalog of transactions, the holiday tables, the region codes, the translations,
the style sheets and the demo cards live here, not in the Python modules."""
