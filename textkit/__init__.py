"""textkit: reproducible, notebook-based analysis of news text.

Importing textkit does nothing but define names: no logging set-up, no downloads, no file reads.
The modules, one per concern:

``files``       every file read and written (corpora, word lists, tables, figures)
``clean``       small ``str -> str`` cleaning steps and the news pipeline
``tokens``      sentences, paragraphs, word tokens, case folding, n-grams
``stopwords``   stopword lists: bundled, NLTK's, from a file
``frequency``   term tables and corpus summaries
``actors``      actor dictionaries, mentions, counts, co-mentions, concordances
``quotes``      direct quotations, their speakers, share of voice
``association`` association measures from 2x2 contingency tables
``collocations`` n-gram collocations, node-word collocates, the teaching view
``kwic``        keyword-in-context lines
``plots``       matplotlib figures
``provenance``  versions and git state recorded with every result
``parameters``  validation of notebook parameters
``runner``      executes the notebooks with papermill into ``outputs/<run_name>/``
"""

__version__ = "0.1.0"
