"""The words of reported speech: reporting verbs, speech cues and naming words.

:data:`VERBS` are the reporting verbs ("said", "told", "warned", …) and :data:`VERB` one of them
as a whole word in any case, or "according to" / "pointed out": :mod:`textkit.speakers` looks
for it next to a quotation, :mod:`textkit.referents` keeps it out of a role ("governor tweeted
her reasoning") and :mod:`textkit.quotemarks` out of the noun after a quoted modifier.
:data:`CUES` are the speech cues that make a short quoted span a quotation, and :data:`NAMING`
the words before one that make it a name or a title ("so-called", "dubbed"): the "not
quotations" rules of :mod:`textkit.quotemarks` read both.

:mod:`textkit.quotemarks` and :mod:`textkit.quotes` re-export :data:`VERBS`, :data:`CUES` and
:data:`NAMING`, so ``quotemarks.VERBS``, ``quotes.VERBS`` and the rest keep working.
"""

from __future__ import annotations

import re

from textkit.alternation import trie

#: Reporting verbs recognised next to a speaker (lower case; matched as whole words).
VERBS = tuple(
    """
    say says said saying tell tells told telling tweet tweets tweeted tweeting write writes wrote
    writing add adds added adding stress stresses stressed stressing warn warns warned warning
    describe describes described describing declare declares declared declaring state states
    stated stating insist insists insisted insisting note notes noted noting explain explains
    explained explaining ask asks asked asking reply replies replied replying announce announces
    announced announcing claim claims claimed claiming argue argues argued arguing urge urges
    urged urging post posts posted recall recalls recalled recalling conclude concludes concluded
    acknowledge acknowledges acknowledged admit admits admitted admitting caution cautioned
    complain complains complained complaining emphasise emphasised emphasising emphasize
    emphasized emphasizing observe observed remark remarked suggest suggests suggested suggesting
    comment comments commented commenting respond responds responded responding answer answered
    continue continues continued predict predicted promise promised promising call calls called
    calling quip quipped joke joked shout shouted yell yelled scream screamed chant chanted
    whisper whispered plead pleaded demand demanded demanding vow vows vowed pledge pledged boast
    boasted concede conceded confirm confirms confirmed confirming deny denies denied reveal
    revealed report reports reported testify testified allege alleged accuse accused
    criticise criticised criticize criticized praise praised welcome welcomed lament lamented
    exclaim exclaimed maintain maintains maintained contend contended assure assured reiterate
    reiterated repeat repeated advise advised inform informed remind reminded agree agreed
    counter countered retort retorted object objected protest protested hail hailed condemn
    condemned slam slammed blast blasted decry decried denounce denounced underline underlined
    underscore underscored highlight highlighted brand branded term termed label labelled labeled
    characterise characterised characterize characterized mention mentioned wonder wondered
    muse mused tout touted concur concurred read reads quote quoted speak speaks spoke speaking
    indicate indicates indicated refer refers referred
    """.split()
)

#: Words before a quoted span that make it a name or title, not speech.
NAMING = (
    "so-called", "so called", "dubbed", "nicknamed", "titled", "entitled", "named", "known as",
    "the hashtag", "hashtag", "the slogan", "the term", "the word", "the words", "the phrase",
    "the question", "the headline", "the caption",
)

#: Speech cues that make a short span a quotation (forms that are rarely nouns or adjectives;
#: matched in lower case only, so a sentence-initial "Reports" is not one).
CUES = tuple(
    """
    say says said saying tell tells told telling tweeted tweeting wrote writes writing added adds
    adding stressed stressing warned warning described describes describing declared declaring
    stated stating insisted insists noted explained explaining asked asking replied announced
    claimed argued urged recalled admitted cautioned complained emphasised emphasized remarked
    suggested commented responded predicted promised called calls calling quipped joked shouted
    vowed pledged conceded confirmed denied revealed testified accused criticised criticized
    praised lamented exclaimed maintained reiterated repeated agreed countered retorted hailed
    condemned slammed blasted decried denounced branded termed labelled labeled dubbed
    characterised characterized indicated referred according
    """.split()
)

#: A reporting verb of :data:`VERBS` as a whole word, in any case, or "according to" /
#: "pointed out" (group 1 is the verb as written). The words form a trie
#: (:func:`textkit.alternation.trie`): the same matches as their plain alternation, found
#: many times faster.
VERB = re.compile(
    r"(?<![\w'’-])(" + trie(VERBS + ("according to", "pointed out", "points out", "pointing out"))
    + r")(?![\w'’-])", re.IGNORECASE,
)
