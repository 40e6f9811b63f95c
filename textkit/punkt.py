"""NLTK's Punkt sentence splitter, with its regular expressions run by Python's own ``re``.

Since NLTK 3.10 every regular expression in NLTK goes through ``nltk.redos``: compiled by the
third-party ``regex`` engine and run under a time limit, a defence against *caller-supplied*
patterns that backtrack catastrophically. Punkt's patterns are not caller-supplied: they are
NLTK's own, fixed, and linear. Through ``nltk.redos`` they make Punkt about 2.7 times slower
(5.6 s against 2.1 s on 10 MB of Gutenberg books), and Punkt is the most expensive single step
of a run.

:func:`splitter` builds NLTK's own :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer`, through
its two documented points of extension, ``lang_vars`` and ``token_cls``; only the engine that
runs each pattern changes. Each pattern is taken from NLTK itself (its text and flags), so a
newer NLTK's patterns are used as they are. ``tests/test_punkt.py`` checks that the sentences
are exactly NLTK's, on the seed, on every Wikinews article, on hard cases and on inputs that
try to make the patterns backtrack; ``benchmarks/bench_tokens.py`` measures the speed.
"""

from __future__ import annotations

import re

from nltk.tokenize import punkt as nltk_punkt

#: Flags that mean the same in ``regex`` (which ``nltk.redos`` compiles with) and in ``re``.
_SHARED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def stdlib(pattern) -> re.Pattern:
    """Compile one of NLTK's patterns (an ``nltk.redos`` pattern) with ``re``, same flags."""
    return re.compile(pattern.pattern, pattern.flags & _SHARED_FLAGS)


class Token(nltk_punkt.PunktToken):
    """Punkt's token, its patterns compiled by ``re``."""

    __slots__ = ()
    _RE_ELLIPSIS = stdlib(nltk_punkt.PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = stdlib(nltk_punkt.PunktToken._RE_NUMERIC)
    _RE_INITIAL = stdlib(nltk_punkt.PunktToken._RE_INITIAL)
    _RE_ALPHA = stdlib(nltk_punkt.PunktToken._RE_ALPHA)
    _RE_NON_PUNCT = stdlib(nltk_punkt._re_non_punct)

    @property
    def is_non_punct(self):
        """True if the token is either a number or is alphabetic (as NLTK's)."""
        return self._RE_NON_PUNCT.search(self.type)


class LanguageVars(nltk_punkt.PunktLanguageVars):
    """Punkt's English language variables, their patterns compiled by ``re``."""

    re_boundary_realignment = stdlib(nltk_punkt.PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self):
        if "_stdlib_words" not in self.__dict__:
            self._stdlib_words = stdlib(super()._word_tokenizer_re())
        return self._stdlib_words

    def period_context_re(self):
        if "_stdlib_periods" not in self.__dict__:
            self._stdlib_periods = stdlib(super().period_context_re())
        return self._stdlib_periods


def splitter(abbreviations) -> nltk_punkt.PunktSentenceTokenizer:
    """An untrained Punkt splitter that knows ``abbreviations`` (lower case, no final period).

    Examples
    --------
    >>> list(splitter({"u.s"}).span_tokenize("The U.S. said no. Russia said yes."))
    [(0, 17), (18, 34)]
    """
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(abbreviations)
    return nltk_punkt.PunktSentenceTokenizer(params, lang_vars=LanguageVars(), token_cls=Token)
