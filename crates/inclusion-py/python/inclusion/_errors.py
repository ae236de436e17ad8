"""The exceptions of the package.

Every error of the library is an ``InclusionError`` carrying the library's message, and also
an instance of the built-in class a Python programmer expects (``ValueError`` for bad values,
``LookupError`` for a commune that cannot be found). A file that cannot be opened raises the
built-in ``OSError`` subclasses (``FileNotFoundError``, ``PermissionError``...).
"""


class InclusionError(Exception):
    """Base class of the errors of the library."""


class UnreadableFileError(InclusionError, ValueError):
    """Bytes that are not a file of places at all (not CSV nor JSON of the standard, or a
    required column missing from the header)."""


class UnknownLabelError(InclusionError, ValueError):
    """A value that is not a label of a vocabulary of the standard; the message lists the
    valid labels."""


class InvalidQueryError(InclusionError, ValueError):
    """A nearest-help query that cannot be answered (position out of range, ``k`` of 0,
    negative radius)."""


class CommuneError(InclusionError, LookupError):
    """A commune that is unknown (the message suggests close names) or ambiguous (it lists
    the homonyms)."""


class OpeningHoursError(InclusionError, ValueError):
    """Opening hours that are not valid ``opening_hours`` syntax."""


class AnswersError(InclusionError, ValueError):
    """Skills answers that do not fit the questionnaire; the message lists every problem."""


class CoverageError(InclusionError, ValueError):
    """A coverage request that cannot be run (unknown région, invalid thresholds...)."""


class DedupError(InclusionError, ValueError):
    """A deduplication that cannot be run."""
