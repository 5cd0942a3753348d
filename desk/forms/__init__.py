"""Form engine: turns catalog fields into Qt widgets with live validation.

`field_widgets` has one editor per field type (their shared base in `editor_base`, the Qt inputs
they are made of in `inputs`), `form_view.TransactionForm` the whole form of a transaction,
`materials_view.MaterialsChecklist` the materials it needs.
"""
