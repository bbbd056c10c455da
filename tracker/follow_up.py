"""Drafting the follow-up written question that asks a minister what became of a commitment.

The draft is in Dutch, the language of the documents it cites, whatever the interface language;
staff edit it before they send it. It cites the original question the way the parliament does
("vraag nr. 551 van 29 juni 2018 van X aan Y"), quotes the promise word for word, and asks what a
member would ask for that kind of promise, how late it is, and whether it is still open.
"""

from dataclasses import dataclass

from tracker.imports.dutch_dates import format_dutch_date
from tracker.models import Commitment, DeadlineSource, Kind, Status

WHAT_BECAME_OF_IT = {
    Kind.PROJECT_CALL: "Werd de aangekondigde projectoproep intussen gelanceerd? Zo ja, op welke datum, hoeveel "
    "projecten werden ingediend en hoeveel werden er geselecteerd, met welk budget?",
    Kind.FUNDING: "Werden de aangekondigde middelen intussen vrijgemaakt? Zo ja, welk bedrag werd vastgelegd en "
    "hoeveel werd er al uitbetaald?",
    Kind.LEGISLATION: "Hoe ver staat de aangekondigde regelgeving? Werd er al een ontwerp principieel goedgekeurd, "
    "voor advies voorgelegd of bij het Vlaams Parlement ingediend?",
    Kind.STUDY: "Werd de aangekondigde studie of evaluatie intussen uitgevoerd? Zo ja, wat zijn de belangrijkste "
    "conclusies en kan het rapport aan het Vlaams Parlement worden bezorgd?",
    Kind.ACTION: "Werd de aangekondigde maatregel intussen uitgevoerd? Zo ja, wanneer en met welk resultaat?",
    Kind.OTHER: "Wat is de stand van zaken van deze toezegging?",
}
LAST_KNOWN = {
    Status.IN_PROGRESS: "Volgens de laatste informatie ({day}) was de uitvoering bezig.",
    Status.DELAYED: "Volgens de laatste informatie ({day}) liep de uitvoering vertraging op.",
}


@dataclass(frozen=True)
class FollowUpDraft:
    addressee: str
    office: str
    subject: str
    introduction: str
    questions: tuple[str, ...]

    @property
    def text(self) -> str:
        """The draft as one plain text, ready to paste into the parliament's submission form."""
        lines = [f"Aan: {self.addressee}"]
        if self.office:
            lines.append(f"Bevoegdheid: {self.office}")
        lines += [f"Onderwerp: {self.subject}", "", self.introduction, ""]
        lines += [f"{number}. {question}" for number, question in enumerate(self.questions, start=1)]
        return "\n".join(lines) + "\n"


def follow_up_draft(commitment: Commitment) -> FollowUpDraft:
    """The draft for *commitment* as commitment_for_detail() fetches it: whether its deadline has
    passed is the overdue flag of with_overdue_flag(), on the day the draft is for."""
    question = commitment.answer.question
    citation = f"vraag nr. {question.number} van {format_dutch_date(question.asked_on)}"
    quote = commitment.quote.strip()
    full_stop = "" if quote.endswith((".", "!", "?")) else "."
    introduction = [
        f"In het antwoord op schriftelijke {citation} van {question.asker.full_name} aan "
        f"{question.addressee.full_name} over \u201c{question.subject}\u201d staat: \u201c{quote}\u201d{full_stop}"
    ]
    if commitment.responsible_person_id != question.addressee_id:
        introduction.append("Die bevoegdheid ligt intussen bij u.")
    introduction += _deadline_sentences(commitment)
    if commitment.current_status in LAST_KNOWN:
        introduction.append(LAST_KNOWN[commitment.current_status].format(day=format_dutch_date(commitment.status_observed_on)))
    return FollowUpDraft(
        addressee=commitment.responsible_person.full_name,
        office=commitment.responsible_office.title if commitment.responsible_office else "",
        subject=f"Opvolging van de toezegging in {citation} \u2013 {commitment.title}",
        introduction=" ".join(introduction),
        questions=tuple(_questions(commitment)),
    )


def _deadline_sentences(commitment: Commitment) -> list[str]:
    if commitment.is_refusal:
        return []
    late = commitment.is_overdue
    if commitment.deadline_source == DeadlineSource.STATED and commitment.deadline_wording:
        sentences = [f"Als termijn werd \u201c{commitment.deadline_wording}\u201d vooropgesteld."]
        return sentences + (["Die termijn is intussen verstreken."] if late else [])
    if commitment.deadline_source == DeadlineSource.DEFAULT_HORIZON:
        # A wording without a date ("binnenkort") keeps the default horizon and its words.
        if commitment.deadline_wording:
            sentences = [f"Als termijn werd \u201c{commitment.deadline_wording}\u201d vooropgesteld, zonder datum."]
        else:
            sentences = ["Er werd daarbij geen termijn genoemd."]
        return sentences + (["De regeerperiode waarin die toezegging werd gedaan, is intussen afgelopen."] if late else [])
    return []


def _questions(commitment: Commitment) -> list[str]:
    if commitment.is_refusal:
        return [
            "Blijft u bij dit standpunt?",
            "Zo ja, op basis van welke gegevens? Zo neen, welke initiatieven plant u, en tegen wanneer?",
        ]
    questions = [WHAT_BECAME_OF_IT[commitment.kind]]
    if not commitment.is_open:
        questions.append("Welke resultaten heeft dit tot nu toe opgeleverd voor de doelgroep, en hoe worden ze opgevolgd?")
        return questions
    if commitment.is_overdue and commitment.deadline_source != DeadlineSource.DEFAULT_HORIZON:
        questions.append("Waarom werd de vooropgestelde termijn niet gehaald?")
    questions.append("Welke stappen moeten nog worden gezet, en tegen wanneer zal deze toezegging volledig zijn uitgevoerd?")
    return questions
