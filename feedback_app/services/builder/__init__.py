"""The survey builder: surveys written and changed in the browser, on the same definition model as surveys/.

``editing`` changes a definition (plain dicts, as in a YAML file); ``fields`` derives each answer type's
settings from its option schema; ``drafts`` keeps drafts and makes them live; ``rules``, ``translation``,
``guidance`` and ``yaml_io`` do the rest. Nothing here renders pages.
"""
