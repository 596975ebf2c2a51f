"""`python -m claimgraph ...`: the command line, as the `claimgraph` script runs it."""

from claimgraph.cli import app

app(prog_name="claimgraph")
