"""Synthetic data at scale, for benchmarks: realistic, reproducible (a seed), written in bulk.

Questions from 2004 to today spread over the Flemish governments and legislatures, dozens of
ministers with their offices, hundreds of askers, themes, Dutch-looking texts of realistic length
(so that full-text search does real work), answers with the commitments quoted in them, stated,
staff-set and default deadlines, and status histories ending in a realistic mix of outcomes:
overdue, due-soon and neglected promises included. Work is done in chunks, so memory stays bounded
whatever the size.
"""

import bisect
import datetime
import random
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from tracker.assemblies import FLEMISH_PARLIAMENT
from tracker.choices import forget_everything
from tracker.dates import add_months
from tracker.models import (
    Answer,
    Assembly,
    Commitment,
    DeadlineSource,
    Government,
    Kind,
    Legislature,
    Office,
    Person,
    PersonAlias,
    Question,
    Status,
    Theme,
    session_year_of,
)
from tracker.models.questions import answer_due_on
from tracker.names import normalise_name
from tracker.services.bulk import BulkMove, BulkStatus, commitments_bulk_create
from tracker.services.tallies import tallies_rebuild

MARKER = "synthetic"
_NINE = datetime.time(9, 0)
_ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)  # the slug prefix of generated themes: data made by this module
FIRST_DAY = datetime.date(2004, 9, 1)

FIRST_NAMES = [
    "An",
    "Bart",
    "Caroline",
    "Dirk",
    "Els",
    "Filip",
    "Greet",
    "Hilde",
    "Ilse",
    "Jan",
    "Katrien",
    "Luc",
    "Marleen",
    "Nico",
    "Orlanda",
    "Peter",
    "Quinten",
    "Ria",
    "Sofie",
    "Tom",
    "Ulrike",
    "Veerle",
    "Wouter",
    "Xavier",
    "Yasmine",
    "Zeger",
    "Ahmed",
    "Bieke",
    "Chris",
    "Dominique",
    "Evelien",
    "Frank",
    "Griet",
    "Hans",
    "Inge",
    "Joris",
    "Kris",
    "Lies",
    "Maarten",
    "Nathalie",
    "Pieter",
    "Rik",
    "Sara",
    "Tinne",
    "Vera",
    "Wim",
    "Yves",
    "Zoë",
    "Fatima",
    "Mehmet",
]
LAST_NAMES = [
    "Aerts",
    "Baeten",
    "Claes",
    "De Backer",
    "De Clercq",
    "De Smedt",
    "Declercq",
    "Dewulf",
    "Dierickx",
    "Engels",
    "Fierens",
    "Geerts",
    "Goossens",
    "Hermans",
    "Jacobs",
    "Janssens",
    "Lambrechts",
    "Leemans",
    "Maes",
    "Martens",
    "Mertens",
    "Michiels",
    "Moens",
    "Nijs",
    "Pauwels",
    "Peeters",
    "Renders",
    "Segers",
    "Smets",
    "Stevens",
    "Thys",
    "Timmermans",
    "Van Acker",
    "Van Damme",
    "Van den Broeck",
    "Van Dyck",
    "Vandenberghe",
    "Verbeke",
    "Verhaegen",
    "Vermeulen",
    "Verstraete",
    "Willems",
    "Wouters",
    "Yilmaz",
    "El Amrani",
    "Bogaert",
    "Coppens",
    "D'Hondt",
    "Hendrickx",
    "Lemmens",
]
PORTFOLIOS = [
    "Onderwijs",
    "Welzijn, Volksgezondheid en Gezin",
    "Wonen",
    "Armoedebestrijding",
    "Mobiliteit en Openbare Werken",
    "Omgeving",
    "Energie",
    "Werk en Sociale Economie",
    "Economie en Innovatie",
    "Cultuur, Jeugd en Media",
    "Binnenlands Bestuur",
    "Inburgering en Gelijke Kansen",
    "Financiën en Begroting",
    "Landbouw en Visserij",
    "Justitie en Handhaving",
    "Toerisme",
    "Sport",
    "Brussel",
    "Onroerend Erfgoed",
    "Dierenwelzijn",
]
THEMES = [
    "Armoedebestrijding",
    "Onderwijs",
    "Kinderopvang",
    "Ouderenzorg",
    "Jeugdhulp",
    "Sociale huisvesting",
    "Huurmarkt",
    "Openbaar vervoer",
    "Fietsbeleid",
    "Verkeersveiligheid",
    "Klimaat",
    "Energiebesparing",
    "Werkgelegenheid",
    "Sociale economie",
    "Innovatie",
    "Cultuur",
    "Jeugdwerk",
    "Sport",
    "Lokale besturen",
    "Inburgering",
    "Gelijke kansen",
    "Begroting",
    "Landbouw",
    "Natuur",
    "Water",
    "Erfgoed",
    "Toerisme",
    "Gezondheid",
    "Geestelijke gezondheid",
    "Digitalisering",
    "Mantelzorg",
    "Handicap",
    "Vluchtelingen",
    "Dierenwelzijn",
    "Ruimtelijke ordening",
]
SUBJECTS = [
    "de wachtlijsten in de {t}",
    "de financiering van {t}",
    "de evaluatie van het decreet over {t}",
    "het aanbod aan {t}",
    "de ondersteuning van vrijwilligers in {t}",
    "de regionale spreiding van {t}",
    "de digitale toegankelijkheid van {t}",
    "de samenwerking met lokale besturen rond {t}",
    "de personeelstekorten in {t}",
    "de projectoproep voor {t}",
]
NOUNS = [
    "de lokale besturen",
    "het middenveld",
    "de sector",
    "de administratie",
    "de gebruikers",
    "de gezinnen",
    "de scholen",
    "de zorgverleners",
    "de vrijwilligers",
    "de onderzoekers",
    "de steden",
    "de provincies",
    "de partners",
    "het agentschap",
]
OBJECTS = [
    "een projectoproep",
    "een actieplan",
    "een conceptnota",
    "een evaluatie",
    "bijkomende middelen",
    "een studie",
    "een nieuwe subsidieregeling",
    "een wijziging van het decreet",
    "een proefproject",
    "een meldpunt",
    "een bevraging",
    "een registratiesysteem",
    "een rondetafel",
    "een samenwerkingsakkoord",
    "een monitoringrapport",
]
VERBS = [
    "lanceren",
    "opstarten",
    "uitwerken",
    "voorleggen",
    "organiseren",
    "evalueren",
    "uitbreiden",
    "vereenvoudigen",
    "versterken",
    "bekendmaken",
    "indienen",
    "opvolgen",
]
KINDS_BY_OBJECT = {
    "een projectoproep": Kind.PROJECT_CALL,
    "bijkomende middelen": Kind.FUNDING,
    "een nieuwe subsidieregeling": Kind.FUNDING,
    "een wijziging van het decreet": Kind.LEGISLATION,
    "een evaluatie": Kind.STUDY,
    "een studie": Kind.STUDY,
    "een bevraging": Kind.STUDY,
    "een monitoringrapport": Kind.STUDY,
}
SLIP_REASONS = [
    "Nieuwe timing in het antwoord op een latere vraag.",
    "Het kabinet meldt vertraging bij de voorbereiding.",
    "Uitgesteld tot na het advies van de Raad van State.",
    "De aanbesteding liep vertraging op.",
]
FILLER = [
    "Uit de cijfers blijkt dat {n} de voorbije jaren sterk hebben ingezet op {t}.",
    "De vraagsteller wijst terecht op de rol van {n} in {t}.",
    "Het overleg met {n} verloopt constructief en wordt voortgezet.",
    "In de bijlage vindt u een overzicht per provincie van de initiatieven rond {t}.",
    "De middelen voor {t} werden de voorbije legislatuur stelselmatig verhoogd.",
    "Ik deel de bezorgdheid over de toegankelijkheid van {t} voor kwetsbare groepen.",
    "Samen met {n} zet ik reeds sterk in op een geïntegreerde aanpak van {t}.",
    "De evaluatie van het vorige actieplan toonde aan dat {n} nood hebben aan duidelijke richtlijnen.",
    "Voor meer informatie verwijs ik naar het antwoord op een eerdere vraag over {t}.",
]
QUESTION_SENTENCES = [
    "Uit een recente studie blijkt dat {t} onder druk staat.",
    "{N} signaleren steeds vaker problemen rond {t}.",
    "De cijfers over {t} zijn zorgwekkend en verschillen sterk per regio.",
    "Eerder kondigde de minister maatregelen aan voor {t}, maar de uitvoering laat op zich wachten.",
    "Vooral kwetsbare gezinnen ondervinden de gevolgen van de tekorten in {t}.",
]
SUB_QUESTIONS = [
    "Hoe evalueert de minister de huidige situatie inzake {t}?",
    "Welke maatregelen plant de minister voor {t}?",
    "Tegen wanneer mogen we concrete resultaten verwachten?",
    "Hoeveel middelen worden hiervoor vrijgemaakt?",
    "Overlegt de minister hierover met {n}?",
]

# Outcomes of promises made long ago (older than two years); younger ones are more often still open.
OLD_OUTCOMES = [
    (Status.FULFILLED, 30),
    (Status.PARTIALLY_FULFILLED, 12),
    (Status.NOT_FULFILLED, 14),
    (Status.LAPSED, 9),
    (Status.ANNOUNCED, 12),
    (Status.IN_PROGRESS, 13),
    (Status.DELAYED, 10),
]
YOUNG_OUTCOMES = [
    (Status.FULFILLED, 12),
    (Status.PARTIALLY_FULFILLED, 5),
    (Status.NOT_FULFILLED, 3),
    (Status.LAPSED, 2),
    (Status.ANNOUNCED, 35),
    (Status.IN_PROGRESS, 30),
    (Status.DELAYED, 13),
]


@dataclass(frozen=True)
class Sizes:
    questions: int
    commitments: int
    updates: int


@dataclass
class Cast:
    askers: list[Person]
    offices_by_government: dict[int, list[Office]]
    governments: list[Government]
    themes: list[Theme]
    legislature_starts: list[datetime.date]
    legislature_ends: list[datetime.date]


class Generator:
    def __init__(
        self,
        sizes: Sizes,
        *,
        seed: int,
        today: datetime.date,
        chunk: int = 5000,
        progress: Callable[[str, int], None] = lambda stage, count: None,
    ):
        if sizes.commitments > 0 and sizes.questions == 0:
            raise ValueError("commitments need questions to be made in")
        if sizes.updates < sizes.commitments:
            raise ValueError("every commitment has at least its first status update: updates >= commitments")
        self.sizes, self.today, self.chunk, self.progress = sizes, today, chunk, progress
        self.random = random.Random(seed)
        # Deadline moves drawn apart, so that a seed gives the commitments it always gave.
        self.moves_random = random.Random(f"moves-{seed}")
        self.numbers: dict[tuple[str, int], int] = defaultdict(int)

    # -- the cast ---------------------------------------------------------------------------------

    def _person(self, first: str, last: str) -> Person:
        person = Person.objects.create(first_name=first, last_name=last)
        PersonAlias.objects.get_or_create(
            normalised=normalise_name(person.full_name), defaults={"person": person, "name": person.full_name}
        )
        return person

    def cast(self) -> Cast:
        rng = self.random
        themes = [
            Theme.objects.get_or_create(slug=f"{MARKER}-{index}", defaults={"name": f"{name} ({MARKER})"})[0]
            for index, name in enumerate(THEMES)
        ]
        governments = list(
            Government.objects.filter(assembly__slug=FLEMISH_PARLIAMENT, start_date__lte=self.today).order_by("start_date")
        )
        used_names = set()

        def new_name() -> tuple[str, str]:
            while True:
                name = (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
                if name not in used_names:
                    used_names.add(name)
                    return name

        ministers: list[Person] = []
        offices_by_government: dict[int, list[Office]] = {}
        for government in governments:
            holders = [rng.choice(ministers) for _ in range(3) if ministers] + [self._person(*new_name()) for _ in range(6)]
            portfolios = rng.sample(PORTFOLIOS, len(holders))
            offices = []
            for holder, portfolio in zip(holders, portfolios, strict=True):
                office, _ = Office.objects.get_or_create(
                    person=holder,
                    government=government,
                    title=f"Vlaams minister van {portfolio}",
                    defaults={"start_date": government.start_date, "end_date": government.end_date},
                )
                offices.append(office)
                if holder not in ministers:
                    ministers.append(holder)
            offices_by_government[government.pk] = offices
        askers = [self._person(*new_name()) for _ in range(min(300, len(FIRST_NAMES) * len(LAST_NAMES) - len(used_names)))]
        legislatures = list(
            Legislature.objects.filter(assembly__slug=FLEMISH_PARLIAMENT).exclude(end_date__isnull=True).order_by("start_date")
        )
        return Cast(
            askers,
            offices_by_government,
            governments,
            themes,
            [legislature.start_date for legislature in legislatures],
            [legislature.end_date for legislature in legislatures],
        )

    # -- texts ------------------------------------------------------------------------------------

    def _fill(self, template: str, theme: str) -> str:
        noun = self.random.choice(NOUNS)
        return template.format(t=theme.lower(), n=noun, N=noun[:1].upper() + noun[1:])

    def _question_text(self, theme: str) -> str:
        rng = self.random
        introduction = " ".join(self._fill(rng.choice(QUESTION_SENTENCES + FILLER), theme) for _ in range(rng.randint(4, 8)))
        parts = [
            f"{index}. {self._fill(sentence, theme)}"
            for index, sentence in enumerate(rng.sample(SUB_QUESTIONS, rng.randint(2, 4)), start=1)
        ]
        return introduction + "\n\n" + "\n\n".join(parts)

    def _promise(self, theme: str) -> tuple[str, str, str]:
        """A promise sentence, its title and kind."""
        rng = self.random
        thing, verb = rng.choice(OBJECTS), rng.choice(VERBS)
        opening = rng.choice(["Ik zal", "We zullen", "Daarom wil ik", "Ik plan", "Samen met de sector gaan we"])
        sentence = f"{opening} {thing} rond {theme.lower()} {verb}."
        return (
            sentence,
            f"{thing[:1].upper()}{thing[1:]} rond {theme.lower()} {verb}"[:200],
            KINDS_BY_OBJECT.get(thing, Kind.ACTION),
        )

    # -- dates ------------------------------------------------------------------------------------

    def _day_between(self, first: datetime.date, last: datetime.date) -> datetime.date:
        return first + datetime.timedelta(days=self.random.randint(0, max((last - first).days, 0)))

    def _legislature_end(self, cast: Cast, day: datetime.date) -> datetime.date | None:
        index = bisect.bisect_right(cast.legislature_starts, day) - 1
        return cast.legislature_ends[index] if index >= 0 and day <= cast.legislature_ends[index] else None

    def _deadline(self, cast: Cast, made_on: datetime.date) -> tuple[datetime.date | None, str, str]:
        rng = self.random
        roll = rng.random()
        if roll < 0.42:  # stated in the answer
            year = made_on.year + rng.choice([0, 1, 1, 2])
            wording, day = rng.choice(
                [
                    (f"tegen eind {year}", datetime.date(year, 12, 31)),
                    (f"in het najaar van {year}", datetime.date(year, 12, 20)),
                    (f"in het voorjaar van {year}", datetime.date(year, 6, 20)),
                    (f"in de loop van {year}", datetime.date(year, 12, 31)),
                    ("binnen zes maanden", add_months(made_on, 6)),
                ]
            )
            if day > made_on:
                return day, DeadlineSource.STATED, wording
        if roll < 0.55:  # set by staff; some fall due in the coming weeks
            if rng.random() < 0.1 and made_on < self.today:
                return self.today + datetime.timedelta(days=rng.randint(0, 45)), DeadlineSource.STAFF, ""
            return made_on + datetime.timedelta(days=rng.randint(90, 1000)), DeadlineSource.STAFF, ""
        horizon = self._legislature_end(cast, made_on)
        return (horizon, DeadlineSource.DEFAULT_HORIZON, "") if horizon else (None, DeadlineSource.NONE, "")

    def _moves(self, commitment: Commitment) -> list[BulkMove]:
        """About one promise in eight has its deadline moved once to three times, each time around
        its old deadline (a little before or after it), by a quarter, half a year or a year."""
        rng = self.moves_random
        if commitment.deadline is None or rng.random() >= 0.12:
            return []
        moves, deadline, last = [], commitment.deadline, commitment.made_on
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            changed_on = min(max(deadline + datetime.timedelta(days=rng.randint(-60, 30)), last), self.today)
            if changed_on < last:
                break
            deadline = deadline + datetime.timedelta(days=rng.choice([91, 182, 182, 365]))
            moves.append(
                BulkMove(
                    new_deadline=deadline,
                    changed_on=changed_on,
                    recorded_at=self._recorded(changed_on, 0),
                    reason=rng.choice(SLIP_REASONS),
                )
            )
            last = changed_on
        return moves

    def _history(self, made_on: datetime.date, refusal: bool, extra: int) -> list[tuple[str, datetime.date]]:
        """The status path of one commitment: its first status and *extra* later observations."""
        rng = self.random
        first = Status.POSITION_MAINTAINED if refusal else Status.ANNOUNCED
        history = [(first, made_on)]
        if extra == 0:
            return history
        days = sorted(self._day_between(made_on, self.today) for _ in range(extra))
        if refusal:
            end = Status.POSITION_CHANGED if rng.random() < 0.2 else Status.POSITION_MAINTAINED
            return history + [(Status.POSITION_MAINTAINED, day) for day in days[:-1]] + [(end, days[-1])]
        outcomes = OLD_OUTCOMES if (self.today - made_on).days > 730 else YOUNG_OUTCOMES
        end = rng.choices([status for status, _ in outcomes], weights=[weight for _, weight in outcomes])[0]
        path = [Status.IN_PROGRESS if rng.random() < 0.7 else Status.DELAYED for _ in days[:-1]]
        return history + list(zip(path, days[:-1], strict=True)) + [(end, days[-1])]

    # -- writing ----------------------------------------------------------------------------------

    def _plan(self) -> Iterator[tuple[int, int, int]]:
        """Per chunk of questions: (questions, commitments, extra updates), adding up to the sizes."""
        sizes, chunk = self.sizes, self.chunk
        remaining_commitments, remaining_extra = sizes.commitments, sizes.updates - sizes.commitments
        for start in range(0, sizes.questions, chunk):
            count = min(chunk, sizes.questions - start)
            share = count / (sizes.questions - start)
            commitments = round(remaining_commitments * share)
            extra = round(remaining_extra * share)
            remaining_commitments -= commitments
            remaining_extra -= extra
            yield count, commitments, extra

    def run(self) -> dict[str, int]:
        self._now = timezone.now()
        cast = self.cast()
        totals = defaultdict(int)
        postgresql = connection.vendor == "postgresql"
        for questions, commitments, extra in self._plan():
            with transaction.atomic():
                if postgresql:
                    # A bulk load: the per-row search triggers would compute each document twice.
                    # They are off for this transaction only; the documents are filled below in one pass.
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL session_replication_role = replica")
                written = self._write_chunk(cast, questions, commitments, extra)
                if postgresql:
                    self._fill_search_documents(written["first_question"])
            for name, count in written.items():
                if name != "first_question":
                    totals[name] += count
            self.progress("questions", questions)
        tallies_rebuild()  # the bulk load bypassed the triggers that keep the dashboard's counts
        forget_everything()  # and the signals that make the cached lists and figures forgotten
        if postgresql:
            # Statistics for the planner, and the visibility map that lets counts read their index alone.
            with connection.cursor() as cursor:
                for table in (
                    "tracker_question",
                    "tracker_answer",
                    "tracker_commitment",
                    "tracker_statusupdate",
                    "tracker_commitmentsearch",
                    "tracker_questionsearch",
                    "tracker_commitmenttally",
                ):
                    # VACUUM cannot run inside a transaction (as in the tests); ANALYZE can.
                    cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {table}")
        return dict(totals)

    @staticmethod
    def _fill_search_documents(first_question: int) -> None:
        """What the triggers of migration 0005 compute, set-based, for the questions of this chunk."""
        with connection.cursor() as cursor:
            cursor.execute(
                """INSERT INTO tracker_questionsearch (question_id, document)
                   SELECT id, tracker_question_document(subject, text, id) FROM tracker_question WHERE id >= %s""",
                [first_question],
            )
            cursor.execute(
                """INSERT INTO tracker_commitmentsearch (commitment_id, document)
                   SELECT c.id, tracker_commitment_document(c.title, c.quote, c.answer_id)
                   FROM tracker_commitment c JOIN tracker_answer a ON a.id = c.answer_id WHERE a.question_id >= %s""",
                [first_question],
            )

    def _write_chunk(self, cast: Cast, question_count: int, commitment_count: int, extra_updates: int) -> dict[str, int]:
        rng = self.random
        assembly = Assembly.objects.get(slug="vlaams-parlement")
        questions, themes_of = [], []
        for _ in range(question_count):
            theme = rng.choice(cast.themes)
            topic = theme.name.split(" (")[0]
            asked_on = self._day_between(FIRST_DAY, self.today - datetime.timedelta(days=7))
            government = next(g for g in reversed(cast.governments) if g.start_date <= asked_on)
            office = rng.choice(cast.offices_by_government[government.pk])
            session_year = session_year_of(asked_on)
            self.numbers[(session_year, office.person_id)] += 1
            themes_of.append(theme)
            subject = self._fill(rng.choice(SUBJECTS), topic)
            questions.append(
                Question(
                    assembly=assembly,
                    session_year=session_year,
                    number=self.numbers[(session_year, office.person_id)],
                    asked_on=asked_on,
                    answer_due_on=answer_due_on(asked_on),  # bulk_create skips Question.save()
                    asker=rng.choice(cast.askers),
                    addressee=office.person,
                    addressee_office=office,
                    subject=subject[:1].upper() + subject[1:],
                    text=self._question_text(topic),
                )
            )
        Question.objects.bulk_create(questions, batch_size=1000)
        Question.themes.through.objects.bulk_create(
            [Question.themes.through(question_id=q.pk, theme_id=t.pk) for q, t in zip(questions, themes_of, strict=True)],
            batch_size=5000,
        )

        # Answers: almost every question is answered, 10 to 40 days later; the commitments of the
        # chunk are spread over them and quoted in their text.
        answered = [(q, t.name.split(" (")[0]) for q, t in zip(questions, themes_of, strict=True) if rng.random() < 0.97]
        promises_per_answer = defaultdict(int)
        for _ in range(commitment_count):
            promises_per_answer[rng.randrange(len(answered))] += 1
        answers, promises = [], []
        for index, (question, theme) in enumerate(answered):
            answered_on = min(question.asked_on + datetime.timedelta(days=rng.randint(10, 40)), self.today)
            parts, quotes = [], []
            for number in range(1, max(2, promises_per_answer[index]) + 1):
                sentences = [self._fill(rng.choice(FILLER), theme) for _ in range(rng.randint(2, 4))]
                if number <= promises_per_answer[index]:
                    promise = (
                        self._promise(theme)
                        if rng.random() > 0.07
                        else (
                            f"Ik plan geen bijkomende maatregelen rond {theme}.",
                            f"Geen bijkomende maatregelen rond {theme}",
                            Kind.REFUSAL,
                        )
                    )
                    sentences.insert(rng.randint(0, len(sentences)), promise[0])
                    quotes.append(promise)
                parts.append(f"{number}. " + " ".join(sentences))
            text = "\n\n".join(parts)
            answers.append(Answer(question=question, answered_on=answered_on if rng.random() > 0.02 else None, text=text))
            promises.append(quotes)
        Answer.objects.bulk_create(answers, batch_size=1000)
        Question.objects.filter(
            pk__in=[question.pk for question in questions]
        ).sync_answer_state()  # bulk_create skips Answer.save()

        commitments, paths = [], []
        extra_for = defaultdict(int)
        for _ in range(extra_updates):
            extra_for[rng.randrange(max(commitment_count, 1))] += 1
        self._now = timezone.now()
        for answer, quotes in zip(answers, promises, strict=True):
            made_on = answer.answered_on or answer.question.asked_on
            office = answer.question.addressee_office
            for sentence, title, kind in quotes:
                refusal = kind == Kind.REFUSAL
                deadline, source, wording = (None, DeadlineSource.NONE, "") if refusal else self._deadline(cast, made_on)
                paths.append(self._history(made_on, refusal, extra_for[len(commitments)]))
                commitments.append(
                    Commitment(
                        answer=answer,
                        title=title,
                        quote=sentence,
                        quote_start=answer.text.find(sentence),
                        kind=kind,
                        responsible_person_id=office.person_id,
                        responsible_office=office,
                        deadline=deadline,
                        deadline_source=source,
                        deadline_wording=wording,
                        target_group="",
                        made_on=made_on,
                        # Nine in ten published, as an installation open to the public would have it.
                        published=len(commitments) % 10 != 9,
                    )
                )
        # Observations in date order, recorded in the same order (notes drawn after the commitments,
        # so that a seed gives the data it always gave).
        histories = [
            [
                BulkStatus(
                    status=status,
                    observed_on=observed_on,
                    recorded_at=self._recorded(observed_on, position),
                    note="" if position == 0 else self._fill(rng.choice(FILLER), "de opvolging"),
                    note_is_public=position % 2 == 1,
                )
                for position, (status, observed_on) in enumerate(path)
            ]
            for path in paths
        ]
        moves = [self._moves(commitment) for commitment in commitments]
        updates = commitments_bulk_create(commitments, histories, today=self.today, moves=moves)
        return {
            "questions": len(questions),
            "answers": len(answers),
            "commitments": len(commitments),
            "status updates": updates,
            "first_question": min(question.pk for question in questions),
        }

    def _recorded(self, day: datetime.date, position: int) -> datetime.datetime:
        """When the *position*-th observation of a history was recorded: the morning after, in order."""
        moment = datetime.datetime.combine(day + datetime.timedelta(days=1), _NINE, tzinfo=_ZONE)
        return min(moment + datetime.timedelta(minutes=position), self._now - datetime.timedelta(minutes=100 - min(position, 99)))
