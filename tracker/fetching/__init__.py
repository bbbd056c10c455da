"""Fetching documents from the parliaments' web services: HTTP only, kept apart from reading them.

What is fetched goes to tracker.imports.runner.import_documents as (file name, bytes), the same
path as an upload: the parsers decide what a document says, the upsert what is stored.
"""
