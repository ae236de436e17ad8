"""Digital-inclusion services in France, from Python.

Read and validate files of the national standard of the "lieux de médiation numérique",
find the nearest places that can help (open now, offering a service), evaluate opening
hours in each territory's time zone, assess a person's digital skills, measure territorial
coverage and find duplicates across sources. Built on the Rust crates of the ``inclusion``
workspace; long work runs without holding the interpreter.

>>> import inclusion
>>> report = inclusion.read("lieux.csv")                       # doctest: +SKIP
>>> index = inclusion.HelpIndex(report.places)                 # doctest: +SKIP
"""

from . import communes as communes
from ._errors import AnswersError as AnswersError
from ._errors import CommuneError as CommuneError
from ._errors import CoverageError as CoverageError
from ._errors import DedupError as DedupError
from ._errors import InclusionError as InclusionError
from ._errors import InvalidQueryError as InvalidQueryError
from ._errors import OpeningHoursError as OpeningHoursError
from ._errors import UnknownLabelError as UnknownLabelError
from ._errors import UnreadableFileError as UnreadableFileError
from ._inclusion import COLUMNS as COLUMNS
from ._inclusion import Answer as Answer
from ._inclusion import Commune as Commune
from ._inclusion import Coverage as Coverage
from ._inclusion import Dedup as Dedup
from ._inclusion import Diagnostic as Diagnostic
from ._inclusion import HelpIndex as HelpIndex
from ._inclusion import Hit as Hit
from ._inclusion import OpeningHours as OpeningHours
from ._inclusion import Place as Place
from ._inclusion import Report as Report
from ._inclusion import assess as assess
from ._inclusion import coverage as coverage
from ._inclusion import dedup as dedup
from ._inclusion import eurostat_assess as eurostat_assess
from ._inclusion import explain as explain
from ._inclusion import find_duplicates as find_duplicates
from ._inclusion import merge as merge
from ._inclusion import quality as quality
from ._inclusion import questionnaire as questionnaire
from ._inclusion import read as read
from ._inclusion import to_data_inclusion as to_data_inclusion
from ._inclusion import validate_records as validate_records
from ._inclusion import write_csv as write_csv
from ._inclusion import write_geojson as write_geojson
from ._inclusion import write_json as write_json

__all__ = [
    "Answer",
    "AnswersError",
    "COLUMNS",
    "Commune",
    "CommuneError",
    "Coverage",
    "CoverageError",
    "Dedup",
    "DedupError",
    "Diagnostic",
    "HelpIndex",
    "Hit",
    "InclusionError",
    "InvalidQueryError",
    "OpeningHours",
    "OpeningHoursError",
    "Place",
    "Report",
    "UnknownLabelError",
    "UnreadableFileError",
    "assess",
    "communes",
    "coverage",
    "dedup",
    "eurostat_assess",
    "explain",
    "find_duplicates",
    "merge",
    "quality",
    "questionnaire",
    "read",
    "to_data_inclusion",
    "validate_records",
    "write_csv",
    "write_geojson",
    "write_json",
]
