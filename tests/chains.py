"""A promise and its re-statement in a later answer of the same minister, for the tests of the
matching, the service and the review queue."""

import datetime

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, SuggestionFactory
from tracker.services.matching import suggestions_match

EARLIER = "Ik wil tegen eind 2019 een projectoproep lanceren om buddyprojecten voor mensen in armoede te ondersteunen."
LATER = "Ik zal in de loop van 2020 een projectoproep lanceren om buddyprojecten voor mensen in armoede te ondersteunen."
OTHER = "De minister laat de financiering van de sportclubs in de gemeenten evalueren door een extern bureau."


def answer_of(minister, text: str, *, asked_on: datetime.date, number: int | None = None, **question):
    extra = {"number": number} if number else {}
    return AnswerFactory(question=QuestionFactory(addressee=minister, asked_on=asked_on, **extra, **question), text=f"1. {text}")


def promise(
    minister=None, *, quote: str = EARLIER, deadline=datetime.date(2019, 12, 31), wording="tegen eind 2019", number=None, **kwargs
):
    minister = minister or PersonFactory()
    answer = answer_of(minister, quote, asked_on=datetime.date(2018, 6, 29), number=number)
    return CommitmentFactory(answer=answer, quote=quote, deadline=deadline, deadline_wording=wording, **kwargs)


def restating(
    commitment, *, sentence: str = LATER, deadline=datetime.date(2020, 12, 31), wording="in de loop van 2020", **question
):
    """A pending suggestion in a 2020 answer of the commitment's minister, with its match proposed."""
    answer = answer_of(commitment.responsible_person, sentence, asked_on=datetime.date(2020, 3, 3), number=12, **question)
    suggestion = SuggestionFactory(
        answer=answer, sentence=sentence, deadline=deadline, deadline_wording=wording if deadline or wording else ""
    )
    suggestions_match([suggestion])
    suggestion.refresh_from_db()
    return suggestion
