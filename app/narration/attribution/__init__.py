"""Quote attribution: which words of an article are quotations, and who said each.

A sieve design after Stanford CoreNLP's QuoteAttributionAnnotator (Muzny et al., EACL 2017):
`marks` finds quotations, `mentions` reads who a phrase names, `sieves` link quotes to
mentions in order of precision, `people` resolves mentions to persons (and decides what sex
a person is taken to be: `person_sex`), `attribute` runs it.
"""

from .attribute import Attribution, analyse, attribute
from .people import person_sex

__all__ = ["Attribution", "analyse", "attribute", "person_sex"]
