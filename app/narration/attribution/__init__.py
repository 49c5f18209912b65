"""Quote attribution: which words of an article are quotations, and who said each.

A sieve design after Stanford CoreNLP's QuoteAttributionAnnotator (Muzny et al., EACL 2017):
`marks` finds quotations, `mentions` reads who a phrase names, `sieves` link quotes to
mentions in order of precision, `people` resolves mentions to persons, `attribute` runs it.
"""

from .attribute import Attribution, analyse, attribute

__all__ = ["Attribution", "analyse", "attribute"]
