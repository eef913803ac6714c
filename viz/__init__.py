"""The stance graph in the browser: self-contained, offline, safe HTML pages.

pyvis shapes the network (nodes, edges, vis-network options) and supplies
the vis-network library, which is inlined; the page around it is our own
autoescaped template, so no text from an article reaches HTML unescaped.
"""

from .page import VizLimits, Whole, render_page

__all__ = ["VizLimits", "Whole", "render_page"]
