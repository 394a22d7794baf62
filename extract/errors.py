"""Dateline's exceptions: one root, so the CLI and the app catch ours and nothing else.

Why a tree: a command should turn every failure it can explain into one sentence and let a real
bug surface as a traceback. Catching ``DatelineError`` does exactly that, where catching
``ValueError`` would also swallow bugs. Each message is a sentence a user can act on.

::

    DatelineError
     +-- InputError            an input cannot be used as given (bad events file, bad option)
     |    +-- SchemaError      a saved events file does not follow the events schema
     |    +-- InputChanged     the input changed while a batch was read again
     +-- NoEventsError         the filters or the input leave nothing to show or export
     +-- ExportError           an image could not be made (browser failed, render timed out)
     |    +-- ChromiumNotFoundError   no Chromium on this machine
     +-- ServeError            the server cannot start as asked
          +-- BindRefused      a non-loopback address without a password
"""

from __future__ import annotations


class DatelineError(Exception):
    """Root of every error Dateline raises on purpose; ``str()`` is the sentence to show."""


class InputError(DatelineError, ValueError):
    """An input (a file, a folder, an option's value) cannot be used as given (a bad value,
    so also a ``ValueError``)."""


class SchemaError(InputError):
    """A saved events file does not follow the events schema (``extract.schema``)."""


class InputChanged(InputError):
    """The batch read again is not the batch read first (a file grew or vanished meanwhile);
    ``what`` says how it differs."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the input changed while it was being read ({what}); run again once it is complete."
        )


class NoEventsError(DatelineError, ValueError):
    """The input or the filters leave no event to show or export."""


class ExportError(DatelineError):
    """An image could not be made: the browser failed or the render timed out."""


class ChromiumNotFoundError(ExportError):
    """No Chromium was found to draw images with."""


class ServeError(DatelineError):
    """The server cannot start as asked."""


class BindRefused(ServeError, ValueError):
    """Listening beyond loopback was asked for without a password or ``--no-auth``."""
