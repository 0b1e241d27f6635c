"""What the CLI's commands share: the store they work on and how errors are shown."""
from __future__ import annotations

try:  # Typer vendors Click in recent releases; its commands catch only that Click's exceptions.
    from typer._click.exceptions import ClickException as _ClickException
except ImportError:  # pragma: no cover - older Typer on plain Click
    from click import ClickException as _ClickException
from rich.markup import escape
from rich.console import Console

STATE: dict[str, str | None] = {"db": None}
console = Console()
err_console = Console(stderr=True)


class CliError(_ClickException):
    """A user error: printed as one clear line on stderr, exit status 2."""
    exit_code = 2

    def show(self, file=None) -> None:
        err_console.print(f"[red]error:[/red] {escape(self.message)}", highlight=False, soft_wrap=True)


def get_store(create: bool = True):
    from sitrep.store import NotAStore, open_store
    try:
        return open_store(STATE["db"], create=create)
    except NotAStore as exc:
        raise CliError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from exc


def check_dates(*values: str | None) -> None:
    """Refuse a --since/--until that is not YYYY, YYYY-MM or YYYY-MM-DD naming a real day."""
    from sitrep.store import check_date_bound
    for v in values:
        if v is not None:
            try:
                check_date_bound(v)
            except ValueError as exc:
                raise CliError(str(exc)) from None
