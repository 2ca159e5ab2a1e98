"""`python -m journeyctl`: the same as the `journeyctl` console script."""

from journeyctl.cli import main

main()
