"""The timeline figure as pure functions of the events and the view: marks, traces, level of
detail. No Dash, no server: tested as data."""
