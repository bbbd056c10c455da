"""The minister's letter: the report per minister written as the letter a parliament sends its
ministers, in Dutch (the language of the documents) whatever the interface language.

The letter is composed here once, as plain data; pdf.py prints it and eml.py puts its text in an
e-mail draft, so the PDF and the e-mail always say the same. It is addressed outside the tracker:
it links to the parliament's published questions (a minister's office can open those), never to
the tracker's own pages (it cannot), except where a list is cut short and the complete list is
only in the tracker.
"""

import textwrap
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import slugify

from tracker.assemblies import rules_for
from tracker.imports.dutch_dates import format_dutch_date
from tracker.models import Commitment, DeadlineSource
from tracker.selectors.reports import Citation, Letterhead, MinisterReport

# Words an office's title keeps in lower case when it was printed in capitals (and is written out
# again): "Vlaams minister van Binnenlands Bestuur, Inburgering en Gelijke Kansen".
LOWER_CASE_WORDS = {
    *("aan", "bij", "de", "der", "en", "het", "in", "met", "om", "op", "over", "te", "tot", "van", "voor"),
    *("minister", "minister-president", "viceminister-president", "staatssecretaris"),
}
DEFAULT_HORIZONS = {"legislature": "het einde van de legislatuur", "government": "het einde van de regeerperiode"}
WRAP = 76  # characters per line of the e-mail's text


@dataclass(frozen=True)
class LetterRow:
    reference: str
    title: str
    promised_in: str  # "vraag nr. 551 van 29 juni 2018 van Cindy Franssen"
    promised_in_url: str  # the question as the parliament publishes it, where known
    deadline: str  # "31 december 2019"
    deadline_wording: str  # "“tegen eind 2019”", or where the deadline comes from
    days: int  # days late (past due) or days left (falling due)
    long_overdue: bool


@dataclass(frozen=True)
class LetterSection:
    heading: str
    days_heading: str
    rows: tuple[LetterRow, ...]
    total: int
    empty: str
    more: str  # said under a list cut short at REPORT_ROWS, with the address of the whole list
    days_text: str  # "{days} dagen te laat", for the e-mail's text


@dataclass(frozen=True)
class MinisterLetter:
    assembly: str
    place_and_date: str
    addressee: str
    office: str
    reference: str
    subject: str
    salutation: str
    introduction: tuple[str, ...]
    sections: tuple[LetterSection, ...]
    closing: str
    signature: str
    running_title: str
    email_subject: str
    filename: str  # without extension

    @property
    def text(self) -> str:
        return self.plain_text()

    def plain_text(self, *, postscript: str = "") -> str:
        """The whole letter as plain text (the body of the e-mail draft); *postscript* is a last
        paragraph before the closing."""
        lines = [self.assembly.upper(), "", f"Aan {self.addressee}"]
        if self.office:
            lines += textwrap.wrap(self.office, WRAP)
        lines += ["", self.place_and_date, f"Ons kenmerk: {self.reference}"]
        lines += textwrap.wrap(f"Betreft: {self.subject}", WRAP, subsequent_indent="         ")
        lines += ["", self.salutation, ""]
        for paragraph in self.introduction:
            lines += [*textwrap.wrap(paragraph, WRAP), ""]
        for section in self.sections:
            lines += [*textwrap.wrap(f"{section.heading} ({section.total})", WRAP), ""]
            if not section.rows:
                lines += [*textwrap.wrap(section.empty, WRAP), ""]
            for row in section.rows:
                indent = " " * (len(row.reference) + 2)
                lines += textwrap.wrap(f"{row.reference}  {row.title}", WRAP, subsequent_indent=indent)
                cited = f"Toegezegd in {row.promised_in}" + (f" ({row.promised_in_url})" if row.promised_in_url else "")
                due = f"Termijn: {row.deadline} ({row.deadline_wording}); {section.days_text.format(days=row.days)}"
                for detail in (cited, due):
                    lines += textwrap.wrap(detail, WRAP, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
                lines.append("")
            if section.more:
                lines += [*textwrap.wrap(section.more, WRAP, break_on_hyphens=False), ""]
        if postscript:
            lines += [*textwrap.wrap(postscript, WRAP), ""]
        lines += [self.closing, "", self.signature]
        return "\n".join(lines) + "\n"


def minister_letter(
    report: MinisterReport, *, letterhead: Letterhead, citations: dict[int, Citation], list_url: str
) -> MinisterLetter:
    """The letter for *report*. *list_url* is the tracker's commitment list (an absolute address):
    a section longer than REPORT_ROWS says where to find the whole list."""
    assembly = letterhead.assembly.name if letterhead.assembly else "Parlement"
    rules = rules_for(letterhead.assembly.slug if letterhead.assembly else "")
    office = office_as_written(letterhead.office.title) if letterhead.office else ""
    minister = report.minister.full_name
    as_of = format_dutch_date(report.as_of)
    until = format_dutch_date(report.until)
    past_due = LetterSection(
        heading="1. Toezeggingen waarvan de termijn verstreken is",
        days_heading="Dagen te laat",
        rows=tuple(_row(c, citations, days=c.days_overdue or 0) for c in report.past_due),
        total=report.past_due_count,
        empty=f"Op {as_of} was de termijn van geen enkele toezegging verstreken.",
        more=_more(len(report.past_due), report.past_due_count, "de oudste termijnen eerst", list_url, report.past_due_query),
        days_text="{days} dagen te laat",
    )
    falling_due = LetterSection(
        heading=f"2. Toezeggingen waarvan de termijn verstrijkt tot en met {until}",
        days_heading="Dagen te gaan",
        rows=tuple(_row(c, citations, days=(c.deadline - report.as_of).days) for c in report.falling_due),
        total=report.falling_due_count,
        empty=f"Geen enkele termijn verstrijkt vóór {until}.",
        more=_more(
            len(report.falling_due), report.falling_due_count, "de eerste termijnen eerst", list_url, report.falling_due_query
        ),
        days_text="nog {days} dagen",
    )
    return MinisterLetter(
        assembly=assembly,
        place_and_date=f"{rules.seat}, {as_of}",
        addressee=minister,
        office=office,
        reference=f"TZ/{report.minister.pk}/{report.as_of:%Y%m%d}",
        subject=f"Opvolging van uw toezeggingen in antwoorden op schriftelijke vragen (stand op {as_of})",
        salutation=f"Geachte {_title(office)},",
        introduction=_introduction(report, assembly=f"{rules.article} {assembly}", as_of=as_of, until=until),
        sections=(past_due, falling_due),
        closing="Hoogachtend,",
        signature=assembly,
        running_title=f"Toezeggingen van {minister}, stand op {as_of}",
        email_subject=f"Toezeggingen van {minister}: rapport van {as_of}",
        filename=slugify(f"toezeggingen {minister} {report.as_of.isoformat()}") or "toezeggingen",
    )


def office_as_written(title: str) -> str:
    """An office's title as a letter writes it: as printed, unless printed in capitals ("VLAAMS
    MINISTER VAN WELZIJN"), then with capitals only where Dutch puts them ("Vlaams minister van
    Welzijn"): the first word and each word of the portfolio, not the small words."""
    if not title.isupper():
        return title
    words = title.lower().split()
    return " ".join(
        word if number and word.strip(",.;:") in LOWER_CASE_WORDS else word[:1].upper() + word[1:]
        for number, word in enumerate(words)
    )


def _title(office: str) -> str:
    """How the letter greets the holder of *office*: "minister", "minister-president", "staatssecretaris"."""
    first = office.split(",")[0].strip().lower()
    for title in ("viceminister-president", "minister-president", "staatssecretaris"):
        if first.startswith(title) or f" {title}" in first:
            return title
    return "minister"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _introduction(report: MinisterReport, *, assembly: str, as_of: str, until: str) -> tuple[str, ...]:
    days = settings.TRACKER_LONG_OVERDUE_DAYS
    long_ago = "een jaar" if days == 365 else f"{days} dagen"
    paragraphs = [
        f"In uw antwoorden op schriftelijke vragen van de leden van {assembly} hebt u toezeggingen gedaan. "
        f"Wij volgen die op tot ze uitgevoerd zijn en bezorgen u hierbij de stand op {as_of}."
    ]
    counts = []
    if report.past_due_count:
        late = f"Van {_plural(report.past_due_count, 'toezegging', 'toezeggingen')} is de termijn verstreken"
        if report.long_overdue_count == report.past_due_count == 1:
            late += f", en dat al meer dan {long_ago}"
        elif report.long_overdue_count:
            late += f", waarvan {report.long_overdue_count} al meer dan {long_ago}"
        counts.append(late + " (lijst 1).")
    else:
        counts.append(f"Op {as_of} was de termijn van geen enkele toezegging verstreken.")
    if report.falling_due_count:
        deadlines = "De termijn van 1 toezegging verstrijkt"
        if report.falling_due_count > 1:
            deadlines = f"De termijnen van {report.falling_due_count} toezeggingen verstrijken"
        counts.append(f"{deadlines} uiterlijk op {until}, de datum van het volgende overzicht (lijst 2).")
    else:
        counts.append(f"Vóór het volgende overzicht, op {until}, verstrijkt geen enkele termijn.")
    slippage = report.slippage
    if slippage.moved:
        counts.append(
            f"De termijn van {_plural(slippage.moved, 'toezegging', 'toezeggingen')} werd al verschoven, "
            f"{_plural(slippage.moves, 'keer', 'keer')} in totaal, samen {_plural(slippage.days, 'dag', 'dagen')}."
        )
    paragraphs.append(" ".join(counts))
    if report.past_due_count or report.falling_due_count:
        paragraphs.append(
            "Wij vragen u ons voor elk van deze toezeggingen te laten weten wat er intussen mee gebeurd is, of "
            "wanneer ze uitgevoerd zal worden, met vermelding van het kenmerk (bijvoorbeeld C-00042). Bij elke "
            "toezegging staat de vraag waarin ze gedaan werd en de termijn zoals uw antwoord hem verwoordde."
        )
    return tuple(paragraphs)


def _deadline_wording(commitment: Commitment) -> str:
    if commitment.deadline_source == DeadlineSource.STATED and commitment.deadline_wording:
        return f"\u201c{commitment.deadline_wording}\u201d"
    if commitment.deadline_source == DeadlineSource.DEFAULT_HORIZON:
        return f"geen termijn genoemd: {DEFAULT_HORIZONS[settings.TRACKER_DEFAULT_HORIZON]}"
    return "vastgelegd bij de opvolging"


def _row(commitment: Commitment, citations: dict[int, Citation], *, days: int) -> LetterRow:
    citation = citations.get(commitment.answer_id)
    question = commitment.answer.question
    promised_in = f"vraag nr. {question.number} ({question.session_year})"
    if citation:
        promised_in = f"vraag nr. {citation.number} van {format_dutch_date(citation.asked_on)} van {citation.asker}"
    return LetterRow(
        reference=commitment.reference,
        title=commitment.title,
        promised_in=promised_in,
        promised_in_url=citation.url if citation else "",
        deadline=format_dutch_date(commitment.deadline),
        deadline_wording=_deadline_wording(commitment),
        days=days,
        long_overdue=bool(getattr(commitment, "is_long_overdue", False)),
    )


def _more(shown: int, total: int, order: str, list_url: str, query: str) -> str:
    if total <= shown:
        return ""
    return f"Deze lijst toont de eerste {shown} van de {total} toezeggingen ({order}). De volledige lijst: {list_url}?{query}"
