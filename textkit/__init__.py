"""textkit: reproducible, notebook-based analysis of news text.

Importing textkit does nothing but define names: no logging set-up, no downloads, no file reads.
The modules, one per concern:

Reading and files

``files``        every file written (tables, figures, networks) and read; re-exports ``reading``
``reading``      corpora: .txt files, folders, globs, CSV/TSV/JSONL tables, and reading notes
``corpusfiles``  which files make up a corpus: a folder's .txt files, a glob's matches
``decoding``     a file's bytes to text: byte-order marks, UTF-8, detected legacy code pages
``metadata``     front-matter headers, sidecar metadata tables, duplicate texts (read with a corpus)
``errors``       textkit's exceptions and warnings

Text

``clean``        small cleaning steps and the news pipeline, each reporting its edits
``cleanreport``  what the cleaning steps changed: a summary per step, every removal in full
``furniture``    news furniture's shared vocabulary: edits, line shapes, repetition across a corpus
``finders``      where a text's furniture is: headline suffix, dateline, byline, copyright, footers
``tokens``       word tokens, case folding, filters, n-grams, the token table
``sentencesplit`` paragraphs and sentences: blank lines, Punkt and its abbreviations
``normalising``  word tokens as written, stemmed or lemmatised
``stopwords``    stopword lists: bundled, NLTK's, by language, from a file
``kwic``         keyword-in-context lines: cut, sorted, and the free-query search
``kwicquery``    KWIC queries and sort orders: terms, wildcards, the word index, the matching

Checking and showing

``parameters``   validation of notebook parameters
``markup``       escaping corpus and user text for Markdown and HTML

Counts

``frequency``    term and n-gram frequency tables, per corpus or per group
``corpusstats``  corpus statistics: tokens, types, hapaxes per stage and per document; top word
``dispersion``   range, DP, DPnorm and Juilland's D over documents; x-ray positions

Actors and quotations

``actors``       mentions of the dictionary's actors, and their concordances
``mentioncounts`` mention counts per actor and group, co-mentions, the co-mention matrix
``dictionary``   actor dictionaries: reading, checking, fit to a corpus
``forms``        how a dictionary form is found and when its capitals count
``names``        capitalised names with titles, a guessed kind and the fullest form
``unmatched``    names the dictionary does not cover
``draft``        draft dictionaries (``textkit actors suggest``)
``quotes``       direct quotations, their speakers, share of voice (built on the next five)
``quotemarks``   quotation marks paired paragraph by paragraph, and what is not a quotation
``quotedwords``  the words of quotations counted from the text's token index
``quotewords``   the words of reported speech: reporting verbs, speech cues, naming words
``speakers``     the speaker of each quotation: the subject of a reporting verb next to it
``referents``    whom a name, role or pronoun naming a speaker refers to

2x2 tables

``association``  association measures from 2x2 contingency tables
``counting``     the counting engine: codes, n-gram and window counts, cells, scores
``collocations`` n-gram collocations and node-word collocates
``scoredtable``  the collocation tables' options and how counts become a sorted, scored table
``teaching``     one collocation row worked through by hand
``keyness``      terms that characterise a target corpus against a reference
``keystats``     keyness statistics: two counted tables compared term by term
``keyteaching``  one keyness row worked through by hand
``network``      co-occurrence networks of actors and of words

Groups of documents

``groups``       document groups (``group_by``: a metadata column, folder, date period)
``pergroup``     counts per group, merged from per-document counts, per 1,000 tokens; trends
``dates``        dates in news formats and their year/month/week/day labels

Figures and runs

``plots``        matplotlib figures (a package: words, actors, x-rays, networks)
``provenance``   versions and git state recorded with every result
``planning``     checks a run's notebooks, parameters, inputs and run folder before it starts
``runner``       executes the notebooks with papermill into ``outputs/<run_name>/``
``textindex``    each text split into sentences and tokens once, shared by every notebook
``engines``      one function over many texts: local processes or a dask cluster
``runfolder``    which run folder may be replaced, the run lock, the build folder and the swap
``report``       notebook HTML and the run's ``index.html``
``verify``       ``textkit verify``: re-execute a run and compare every output
``compare``      which outputs of two runs differ, and where
``cli``          the ``textkit`` command line
"""

__version__ = "0.1.0"
