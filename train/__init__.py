"""Training tools: build the stance judge's examples from the corpus, cross-validate candidates, fit the shipped model.

Not part of the installed package and never imported by it: these need the
`[train]` extra (torch, transformers, scikit-learn); the runtime judge needs
only onnxruntime and tokenizers.
"""
