"""The Dash app: its factory, layout, callbacks (thin adapters) and their handlers, the source
panel and the upload form."""
