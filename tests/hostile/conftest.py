"""Print how many fuzzed inputs and broken files the hostile tests tried, and how long the slow ones took."""

from __future__ import annotations

from .tally import NOTES, TRIED


def pytest_terminal_summary(terminalreporter) -> None:
    if not TRIED and not NOTES:
        return
    terminalreporter.section("hostile inputs tried")
    for target, n in sorted(TRIED.items()):
        terminalreporter.write_line(f"{n:6d}  {target}")
    terminalreporter.write_line(f"{sum(TRIED.values()):6d}  in all")
    for line in NOTES:
        terminalreporter.write_line(line)
