"""Drafting the follow-up written question that asks a minister what became of a commitment.

The draft is in Dutch, the language of the documents it cites, whatever the interface language;
staff edit it before they send it. It cites the original question the way the parliament does
("vraag nr. 551 van 29 juni 2018 van X aan Y"), quotes the promise word for word, and asks what a
member would ask for that kind of promise, how late it is, and whether it is still open. Where the
minister repeated the promise in later answers, it tells that story first: each answer in date
order, with the deadline it gave, and how often and how far the deadline moved.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.imports.dutch_dates import format_dutch_date
from tracker.models import Commitment, DeadlineSource, Kind, Restatement, Status

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


@dataclass(frozen=True)
class PromiseChain:
    """The later answers that repeated a promise, in date order, and the deadline as the first
    answer worded it (a re-statement may have given the commitment new words since)."""

    restatements: Sequence[Restatement] = ()
    first_wording: str = ""


def follow_up_draft(commitment: Commitment, chain: PromiseChain | None = None) -> FollowUpDraft:
    """The draft for *commitment* as commitment_for_detail() fetches it: whether its deadline has
    passed is the overdue flag of with_overdue_flag(), on the day the draft is for. With a *chain*
    (tracker.selectors.commitments.promise_chain) holding re-statements, the draft tells their story."""
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
    if chain and chain.restatements:
        introduction += _chain_sentences(commitment, chain)
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


def _by(wording: str, deadline) -> str:
    """A deadline as an answer words it ("tegen eind 2019"), else its date ("tegen 31 december 2019")."""
    return wording or (f"tegen {format_dutch_date(deadline)}" if deadline else "")


def _chain_sentences(commitment: Commitment, chain: PromiseChain) -> list[str]:
    """The promise across answers: "Op 19 juli 2018 antwoordde u op vraag nr. 551 dat dit tegen eind
    2019 zou gebeuren; op 3 maart 2020 herhaalde u in uw antwoord op vraag nr. 12 dat dit in de loop
    van 2020 zou gebeuren (“…”)." and how far the deadline moved."""
    question = commitment.answer.question
    # Only the words of the answer itself: a date set by staff or the default horizon was not promised.
    first = chain.first_wording
    steps = [
        f"Op {format_dutch_date(commitment.made_on)} antwoordde u op vraag nr. {question.number} "
        + (f"dat dit {first} zou gebeuren" if first else "dat dit zou gebeuren, zonder een termijn te noemen")
    ]
    for restatement in chain.restatements:
        later = restatement.answer.question
        by = _by(restatement.deadline_wording, restatement.deadline)
        quote = restatement.quote.strip().rstrip(".")
        steps.append(
            f"op {format_dutch_date(restatement.made_on)} herhaalde u in uw antwoord op vraag nr. {later.number} "
            + (f"dat dit {by} zou gebeuren" if by else "die toezegging")
            + f" (\u201c{quote}\u201d)"
        )
    sentences = ["; ".join(steps) + "."]
    if commitment.deadline_moves:
        days = commitment.deadline_slip_days
        times = "1 keer" if commitment.deadline_moves == 1 else f"{commitment.deadline_moves} keer"
        direction = "later" if days >= 0 else "vroeger"
        sentences.append(f"De termijn werd zo {times} verschoven, samen {abs(days)} dagen {direction} dan eerst beloofd.")
    return sentences


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
