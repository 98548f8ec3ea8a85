"""Pure-Python core: articles, index, library and CLI. Nothing here imports Qt."""
