"""Search documents for PostgreSQL's full-text search, one row per commitment and per question.

They live in tables of their own so that the commitment and question tables stay narrow (lists,
sorts and the dashboard's aggregate read them whole). The database fills them with triggers
(migration 0005), whatever writes the commitment, question or answer; on SQLite they stay empty
and search uses a plain match (tracker.search).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from tracker.models.commitments import Commitment
from tracker.models.questions import Question


class CommitmentSearch(models.Model):
    """Title (weight A), quote (B) and the answer's text (C) of a commitment, in Dutch."""

    commitment = models.OneToOneField(Commitment, on_delete=models.CASCADE, primary_key=True, related_name="search")
    document = SearchVectorField()

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"search document of {self.commitment_id}"


class QuestionSearch(models.Model):
    """Subject (weight A), text (B) and the answer's text (C) of a question, in Dutch."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, primary_key=True, related_name="search")
    document = SearchVectorField()

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"search document of {self.question_id}"
