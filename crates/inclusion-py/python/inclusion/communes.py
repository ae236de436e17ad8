"""The gazetteer of the 34,969 French communes (Code officiel géographique), embedded.

>>> from inclusion import communes
>>> communes.find("Grenoble").code
'38185'
"""

from ._inclusion import Commune as Commune
from ._inclusion import find as find
from ._inclusion import locate as locate
from ._inclusion import suggest as suggest

__all__ = ["Commune", "find", "locate", "suggest"]
