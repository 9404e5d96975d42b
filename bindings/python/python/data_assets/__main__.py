"""Command line of the Python package: ``python -m data_assets --version``."""

import argparse
import sys

from data_assets import __version__


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and print the requested information."""
    parser = argparse.ArgumentParser(
        prog="python -m data_assets",
        description="Whole-process management of data assets (数据资产全过程管理).",
    )
    parser.add_argument(
        "--version", action="version", version=f"data_assets {__version__}"
    )
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
