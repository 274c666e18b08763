"""The least a command line on kehoach's chosen libraries does: a typer program with two
commands whose `parse` reads a text file into a small pydantic model and prints it as JSON.
scripts/bench.py times it beside `kehoach parse` as the start-up floor of typer + pydantic
models (`python -c "import pydantic, yaml"` loads neither typer nor pydantic's model machinery,
which pydantic imports only when the first model class is made)."""

from __future__ import annotations

from pathlib import Path

import typer
from pydantic import BaseModel, ConfigDict

app = typer.Typer(add_completion=False)


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str
    lines: int


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    source: Source
    sections: list[str] = []


@app.command()
def parse(file: Path, fmt: str = typer.Option("json", "--format")) -> None:
    """Read FILE into a Plan."""
    lines = file.read_text(encoding="utf-8").splitlines()
    plan = Plan(title=lines[0] if lines else "", source=Source(path=str(file), lines=len(lines)),
                sections=[line for line in lines if line[:2] in ("I.", "II")])
    print(plan.model_dump_json(indent=2))


@app.command()
def schema() -> None:
    """Print the Plan's JSON schema."""
    print(Plan.model_json_schema())


if __name__ == "__main__":
    app()
