"""Dateline's extraction core: news articles in, a frame of dated, sourced events out.

Pure functions of their inputs: nothing here reads today's date, starts a server or imports
the dashboard (dash, plotly).
"""
