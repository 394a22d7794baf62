"""Dateline's dashboard: the events frame as a zoomable, filterable, exportable timeline.

Importing this package is cheap: dash and plotly load only in the modules that need them.
"""
