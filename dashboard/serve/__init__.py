"""Serving the app to people: the waitress server, the data folder wiring, and security
(authentication, headers, bind rules)."""
