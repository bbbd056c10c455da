"""The Django admin for every model (README, "Admin"). One module per part of the domain."""

from tracker.admin import api_tokens, commitments, imports, mail, people, questions, reference, users  # noqa: F401
