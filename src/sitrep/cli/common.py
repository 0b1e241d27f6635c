"""What the CLI's commands share: the store they work on and how errors are shown."""
from __future__ import annotations

from rich.console import Console

STATE: dict[str, str | None] = {"db": None}
console = Console()
err_console = Console(stderr=True)


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


def get_store(create: bool = True):
    from sitrep.store import NotAStore, open_store
    try:
        return open_store(STATE["db"], create=create)
    except NotAStore as exc:
        raise CliError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from exc
