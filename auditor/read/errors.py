"""Errors a reader raises; the pipeline turns them into issues for that file only."""


class UnreadableInput(Exception):
    """The file cannot be read at all (damaged, encrypted, empty, unsupported)."""


class ExtractionIncomplete(Exception):
    """Part of the file was recognised but could not be read in full."""
