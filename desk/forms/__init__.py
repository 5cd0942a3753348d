"""Form engine: turns catalog fields into Qt widgets with live validation.

`field_widgets` has one editor per field type (their shared base in `editor_base`, the Qt inputs
they are made of in `inputs`), `form_view.TransactionForm` the whole form of a transaction,
`materials_view.MaterialsChecklist` the materials it needs.
"""

from desk.forms import pyside_fixes

# Forms emit a signal on every keystroke; without this PySide6 6.12.0 aborts the interpreter after
# a few thousand emits (see pyside_fixes). Idempotent; a no-op on a PySide6 without the bug.
pyside_fixes.install()
