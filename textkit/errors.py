"""Exceptions raised by textkit.

Every failure that a user can cause (a bad path, a bad parameter, a malformed file) raises a
subclass of :class:`TextkitError`. Each subclass also inherits the matching built-in exception,
so ``except ValueError`` keeps working. Messages say what was wrong, what was received and what
to do, and name the file, line or parameter.
"""


class TextkitError(Exception):
    """Base class of every error textkit raises on purpose."""


class CorpusError(TextkitError, ValueError):
    """A corpus path or file cannot be read as text."""


class ParameterError(TextkitError, ValueError):
    """A parameter has an unknown name, the wrong type or a value out of range."""


class ResourceError(TextkitError, LookupError):
    """An optional resource (such as NLTK data) is not installed."""


class ActorsFileError(TextkitError, ValueError):
    """An actor dictionary file is missing or malformed."""


class NotebookError(TextkitError, RuntimeError):
    """A notebook failed while the runner executed it."""


class CorpusWarning(UserWarning):
    """A corpus was read, but some of it needs a look: the warning names the files and what to do.

    For example, files that are valid UTF-8 but were decoded with the ``encoding`` the user gave
    (say ``cp1252``) read as mojibake ("Ã©" for "é"). A warning, not an error, because the
    reading did what it was told; ``warnings.simplefilter("error", CorpusWarning)`` makes it one.
    """
